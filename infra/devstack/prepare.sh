# Sourced by infra/devstack/run and infra/devstack/bench, from the repository root, with DEVSTACK_DIR set.
# Checks Java, fetches Keycloak once from Maven Central, builds the applications and the devstack unless no
# source changed since the last build, and sets DEVSTACK_CLASSPATH. Needs nothing of ours in a local Maven
# repository: one reactor build makes every jar and the devstack's classpath (target/devstack.classpath).

fail() { echo "✗ $*" >&2; exit 1; }

command -v java >/dev/null 2>&1 || fail "No Java found. Install a JDK 17 or newer (Debian: apt-get install openjdk-17-jdk-headless)."
# the line with the version: JAVA_TOOL_OPTIONS (the benchmark's bench.* properties) adds a line before it
java_major=$(java -version 2>&1 | sed -n -E 's/.* version "([0-9]+)[^"]*".*/\1/p' | sed -n 1p)
[ "${java_major:-0}" -ge 17 ] 2>/dev/null || fail "Java ${java_major:-?} found; qingdan needs Java 17 or newer."

mkdir -p "$DEVSTACK_DIR"
KEYCLOAK_VERSION=26.5.6
# Maven's own JVM on the JIT's first tier (and the serial collector unless you chose one): a build of this
# size takes half the CPU so. Your MAVEN_OPTS come after and win.
case "${MAVEN_OPTS:-}" in
  *GC*) MAVEN_OPTS="-XX:TieredStopAtLevel=1 ${MAVEN_OPTS:-}" ;;
  *) MAVEN_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC ${MAVEN_OPTS:-}" ;;
esac
export MAVEN_OPTS

if [ -z "${OIDC_ISSUER_URI:-}" ] && [ ! -f "$DEVSTACK_DIR/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" ] \
   && [ ! -x "$DEVSTACK_DIR/keycloak-$KEYCLOAK_VERSION/bin/kc.sh" ]; then
  echo "Fetching Keycloak $KEYCLOAK_VERSION from Maven Central (about 160 MB, only once)…"
  ./mvnw -B -q -N dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
      -DoutputDirectory="$DEVSTACK_DIR" \
    || fail "Could not download Keycloak from Maven Central (output above). Check the network and run again."
fi

# The build check: the last build's stamp, and nothing of the build's input newer than it. The stamp is
# taken before the build, so that a file changed while Maven runs is built next time.
stamp=infra/devstack/target/build.stamp
outputs=(infra/devstack/target/classes/org/qingdan/devstack/DevStack.class infra/devstack/target/devstack.classpath)
for module in application-service review-service listing-service notification-service gateway; do
  outputs+=("$module/target/$module-0.1.0-SNAPSHOT.jar")
done
changed() {
  [ -f "$stamp" ] || return 0
  local output
  for output in "${outputs[@]}"; do
    [ -f "$output" ] || return 0
  done
  [ -n "$(find . \( -name target -o -name .git -o -name '.devstack*' -o -name node_modules \) -prune \
            -o \( -name pom.xml -o -name src -o -path '*/src/*' -o -path './.mvn/*' \) -newer "$stamp" -print -quit)" ]
}
if changed; then
  command -v javac >/dev/null 2>&1 || [ -x "${JAVA_HOME:-/nonexistent}/bin/javac" ] \
    || fail "Found a Java runtime but no compiler: install a JDK 17 or newer, not only a JRE (Debian: apt-get install openjdk-17-jdk-headless)."
  echo "Building the applications (the first build downloads dependencies)…"
  mkdir -p infra/devstack/target
  touch "$stamp.next"
  # the tests are neither compiled nor run here: ./mvnw verify does that
  ./mvnw -B -q -Dmaven.test.skip=true -DskipTests package \
    || fail "The build failed (output above). If it could not download, check the network to Maven Central."
  mv "$stamp.next" "$stamp"
else
  echo "The applications are up to date (no source changed since the last build)."
fi

DEVSTACK_CLASSPATH="infra/devstack/target/classes:$(cat infra/devstack/target/devstack.classpath)"
