# Sourced by deploy/run-local, deploy/chaos and deploy/bench/run (from the checkout's root): builds every
# module with ./mvnw when a jar is missing or older than what it is built from, so a launcher never runs
# yesterday's code. Sets LAUNCHER_JAR and JAVA for the caller.

VERSION=0.1.0-SNAPSHOT
LAUNCHER_JAR="deploy/target/deploy-$VERSION.jar"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# A jar is stale when any source, resource or POM it is built from is newer than it.
stale() {
  local jar="$1"; shift
  [[ -f "$jar" ]] || return 0
  [[ -n "$(find "$@" pom.xml -newer "$jar" -type f -print -quit 2>/dev/null)" ]]
}

build_if_stale() {
  local needs_build=false module shared
  for module in qbo-sandbox mapping-service cp-outbound-service qbo-inbound-service centerpoint-stand-in ops-console; do
    if stale "$module/target/$module-$VERSION-exec.jar" "$module/src" "$module/pom.xml"; then needs_build=true; fi
  done
  # the libraries the services are built from (test-support: a change there may change what a build runs)
  for shared in schemas qbo-client sync-support test-support; do
    if [[ -d "$shared" ]] && stale "$shared/target/$shared-$VERSION.jar" "$shared/src" "$shared/pom.xml"; then needs_build=true; fi
  done
  if stale "$LAUNCHER_JAR" deploy/src deploy/pom.xml || [[ ! -d deploy/target/lib ]]; then needs_build=true; fi

  if [[ "$needs_build" == true ]]; then
    echo "Building the services (./mvnw -B -q install -DskipTests) ..."
    ./mvnw -B -q install -DskipTests
  fi
}
