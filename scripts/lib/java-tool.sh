# Sourced. The Java tools the scripts run (bench, crash test, multi-node load) are Maven modules under tools/, built
# and unit-tested by `mvn verify` with their shared API client (tools/api-client); each is one runnable jar.
#
#   tool_jar NAME   prints the path of tools/NAME/target/NAME.jar, building it first (mvn -B -q -DskipTests package
#                   -pl tools/NAME -am) when it is missing or older than a file of the tool or of the client, so a
#                   script never runs a tool that is not its code. Maven's output goes to stderr; returns 1 if the
#                   build fails.
tool_jar() {
  local name=$1 root jar stale
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  jar="$root/tools/$name/target/$name.jar"
  if [[ -f $jar ]]; then
    stale=$(find "$root/tools/pom.xml" "$root/tools/api-client" "$root/tools/$name" -name target -prune \
      -o -type f -newer "$jar" -print -quit)
  fi
  if [[ ! -f $jar || -n ${stale:-} ]]; then
    echo "building tools/$name (mvn -B -q -DskipTests package -pl tools/$name -am)" >&2
    (cd "$root" && timeout 900 mvn -B -q -DskipTests package -pl "tools/$name" -am) >&2 || return 1
  fi
  printf '%s\n' "$jar"
}
