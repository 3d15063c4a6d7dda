package dev.golive.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kubernetes objects (fabric8's kubernetes-model) to YAML and back. fabric8's model is
 * annotated for Jackson 3; golive's YAML is Jackson 2's (the profiles, the specs): the model's
 * own mapper turns an object into plain maps and lists, which Jackson 2's YAML writer prints,
 * and the other way round. So the YAML golive writes is what the model's serializers say
 * (quantities as "1500m", ports as numbers) and reads back into the same objects.
 */
public final class KubeYaml {

    private KubeYaml() { }

    private static final JsonMapper MODEL = JsonMapper.builder().build();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    /** The kinds golive reads into the model; other kinds stay plain maps. */
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "Deployment", Deployment.class, "StatefulSet", StatefulSet.class, "DaemonSet", DaemonSet.class,
            "ReplicaSet", ReplicaSet.class, "Pod", Pod.class, "Service", Service.class);

    /** The objects as one YAML stream, "---" between documents. */
    public static String write(List<? extends HasMetadata> objects) {
        StringBuilder b = new StringBuilder();
        for (HasMetadata o : objects) {
            if (b.length() > 0) b.append("---\n");
            b.append(write(o));
        }
        return b.toString();
    }

    public static String write(HasMetadata object) {
        try {
            return YAML.writeValueAsString(toTree(object));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + object.getKind() + " as YAML", e);
        }
    }

    /** The object as the plain maps and lists its YAML holds. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toTree(HasMetadata object) {
        return MODEL.convertValue(object, LinkedHashMap.class);
    }

    /** The model class for a kind golive reads, if it is one. */
    public static Optional<Class<? extends HasMetadata>> modelOf(String kind) { return Optional.ofNullable(KINDS.get(kind)); }

    /** One document's tree as the model object for its kind; a value of the wrong type: {@link IllegalArgumentException} with the model's reason. */
    public static <T extends HasMetadata> T toObject(Map<String, Object> tree, Class<T> type) {
        try {
            return MODEL.convertValue(tree, type);
        } catch (tools.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(e.getOriginalMessage() == null ? e.getMessage() : e.getOriginalMessage(), e);
        }
    }

    /** The dotted path ({@code spec.replicas}, {@code a.b[0]}) of the value {@link #toObject} refused, or "" when the model did not say. */
    public static String pathOf(IllegalArgumentException e) {
        if (!(e.getCause() instanceof tools.jackson.databind.DatabindException d)) return "";
        StringBuilder b = new StringBuilder();
        for (var ref : d.getPath()) {
            if (ref.getPropertyName() != null) b.append(b.length() > 0 ? "." : "").append(ref.getPropertyName());
            else if (ref.getIndex() >= 0) b.append('[').append(ref.getIndex()).append(']');
        }
        return b.toString();
    }

    /** A YAML stream golive wrote, read back into model objects (kinds it does not model are refused). */
    @SuppressWarnings("unchecked")
    public static List<HasMetadata> read(String yaml) {
        List<HasMetadata> out = new ArrayList<>();
        try (var p = YAML.getFactory().createParser(yaml)) {
            var it = YAML.readValues(p, Object.class);
            while (it.hasNext()) {
                Object doc = it.next();
                if (!(doc instanceof Map<?, ?> m)) continue;
                String kind = String.valueOf(m.get("kind"));
                Class<? extends HasMetadata> type = modelOf(kind).orElseThrow(() -> new IllegalArgumentException("kind " + kind + " is not modelled"));
                out.add(toObject((Map<String, Object>) m, type));
            }
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return out;
    }
}
