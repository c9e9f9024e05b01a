# Sourced. Compiles one of the Java tools (bench, crash test, multi-node load) with the shared API client in
# scripts/lib/apiclient: each tool is several files, which JDK 17's single-file launch (java File.java) cannot run.
#
#   compile_java_tool DEST CLASSPATH SOURCE...   every .java under the SOURCE folders or files, into DEST
# CLASSPATH may be empty. javac's errors go to stderr; the return code says whether it compiled.
compile_java_tool() {
  local dest=$1 classpath=$2 sources=()
  shift 2
  mapfile -t sources < <(find "$@" "$(dirname "${BASH_SOURCE[0]}")/apiclient" -name '*.java' | sort)
  mkdir -p "$dest"
  javac -encoding UTF-8 -nowarn -d "$dest" ${classpath:+-cp "$classpath"} "${sources[@]}"
}
