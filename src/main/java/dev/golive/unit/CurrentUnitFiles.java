package dev.golive.unit;

import dev.golive.config.UnitNames;
import dev.golive.config.UnitResolver;
import dev.golive.host.HostRoot;
import dev.golive.model.OwnedFiles;

import java.util.Optional;

/**
 * What is on the host today for one service, read once by the caller so the renderer stays
 * pure: the unit in /etc/systemd/system (golive's, the admin's, or a link), the first unit
 * of that name further down the search path (a vendor unit), and golive's drop-in.
 */
public record CurrentUnitFiles(
        String unitName,
        Optional<String> etcUnit,
        Optional<String> etcLinkTarget,
        Optional<Located> vendorUnit,
        Optional<String> dropIn) {

    public record Located(String path, String content) { }

    public static CurrentUnitFiles none(String unitName) {
        return new CurrentUnitFiles(unitName, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Reads the unit's files through {@code root} (never outside it). */
    public static CurrentUnitFiles read(HostRoot root, String unitName) {
        String etc = OwnedFiles.unit(unitName);
        Optional<String> link = root.linkTarget(etc);
        Optional<String> etcUnit = link.isPresent() ? Optional.empty() : root.read(etc).opt();
        Optional<Located> vendor = Optional.empty();
        for (String dir : UnitResolver.SEARCH_PATH) {
            if (dir.equals("/etc/systemd/system")) continue;
            String p = dir + "/" + unitName;
            Optional<String> c = root.read(p).opt();
            if (c.isPresent()) {
                vendor = Optional.of(new Located(p, c.get()));
                break;
            }
        }
        if (link.isPresent() && vendor.isEmpty() && !link.get().equals("/dev/null")) {
            String target = link.get().startsWith("/") ? link.get() : "/etc/systemd/system/" + link.get();
            Optional<String> c = root.read(target).opt();
            if (c.isPresent()) vendor = Optional.of(new Located(target, c.get()));
        }
        // an instance (syncthing@root.service) without a file of its own is its template, as systemd
        // loads it: golive extends the instance with a drop-in and never writes a unit that would
        // shadow the packaged template for that instance
        String template = UnitNames.template(unitName);
        if (template != null && etcUnit.isEmpty() && link.isEmpty() && vendor.isEmpty()) {
            for (String dir : UnitResolver.SEARCH_PATH) {
                String p = dir + "/" + template;
                Optional<String> c = root.read(p).opt();
                if (c.isPresent()) {
                    vendor = Optional.of(new Located(p, c.get()));
                    break;
                }
            }
        }
        return new CurrentUnitFiles(unitName, etcUnit, link, vendor, root.read(OwnedFiles.unitDropIn(unitName)).opt());
    }
}
