# Sourced by scripts/golive (and timed by scripts/bench start): whether target/golive.jar is
# stale, decided by the content of what it is built from, not by mtimes. Needs $here and $jar.
# What the jar is built from (profiles/ and themes/ are packaged into it too).
inputs=(src/main profiles themes pom.xml)   # relative to $here: a moved tree keeps its stamp
# target/golive.inputs holds the content hash of the inputs the jar was built from, then their
# listing (path, size, mtime). An unchanged listing means unchanged inputs: one find, ~5 ms. A
# changed listing (an edit, a `git checkout` that sets older mtimes, a clock skew) is settled
# by the content hash: different content rebuilds, the same content only refreshes the listing.
stamp="$here/target/golive.inputs"
listing() { find "${inputs[@]/#/$here/}" -type f -printf '%p %s %T@\n' 2>/dev/null; }
content() { (cd "$here" && find "${inputs[@]}" -type f -print0 2>/dev/null | LC_ALL=C sort -z | xargs -0 sha1sum | sha1sum | cut -d' ' -f1); }
write_stamp() { { echo "$1"; echo "$2"; } >"$stamp.tmp" && mv "$stamp.tmp" "$stamp"; }

stale() { # status 0: build first
  [ ! -f "$jar" ] && return 0
  local now_listing
  now_listing="$(listing)"
  if [ ! -f "$stamp" ] || [ "$jar" -nt "$stamp" ]; then
    # a jar built outside this script (mvn package, the test suite): taken as built from the
    # tree when no input is newer than it, and stamped with the tree's content from then on
    [ -n "$(cd "$here" && find "${inputs[@]}" -newer "$jar" -print -quit 2>/dev/null)" ] && return 0
    write_stamp "$(content)" "$now_listing"
    return 1
  fi
  local built built_content now_content
  built="$(<"$stamp")"
  built_content="${built%%$'\n'*}"
  [ "$now_listing" == "${built#*$'\n'}" ] && return 1
  now_content="$(content)"
  [ "$now_content" != "$built_content" ] && return 0
  write_stamp "$now_content" "$now_listing"
  return 1
}

