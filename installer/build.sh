#!/usr/bin/env bash
# Builds the Threshold app image, and on request a .deb, with jpackage from the running JDK.
#
#   ./mvnw -B package -DskipTests        # first; this script never runs Maven itself
#   bash installer/build.sh [app-image] [deb]
#
# The Maven "installer" profile calls it in the package phase with the types as one argument
# ("app-image deb"). With no argument it builds the app image only. Output goes to target/installer/.
#
# JavaFX is jlinked into a private runtime from the platform-classified jars Maven put in target/lib
# (JavaFX jmods are not on Maven Central); every other jar runs on the class path from the app image.
# Environment: JAVA_HOME picks the JDK (else jpackage on PATH); THRESHOLD_EXTRA_MODULES adds
# comma-separated JDK modules to the runtime.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

die() { echo "installer/build.sh: $*" >&2; exit 1; }

# --- what to build --------------------------------------------------------------------------------
want_deb=false
for arg in "$@"; do
  for type in $arg; do  # Maven hands over "app-image deb" as a single argument
    case "$type" in
      app-image) ;;
      deb) want_deb=true ;;
      *) die "unknown package type '$type' (this script builds: app-image, deb)" ;;
    esac
  done
done

# --- tools ----------------------------------------------------------------------------------------
if [[ -n "${JAVA_HOME:-}" ]]; then
  JPACKAGE="$JAVA_HOME/bin/jpackage"
  [[ -x "$JPACKAGE" ]] || die "JAVA_HOME=$JAVA_HOME has no bin/jpackage; point JAVA_HOME at a full JDK 17 or newer"
else
  JPACKAGE="$(command -v jpackage || true)"
  [[ -n "$JPACKAGE" ]] || die "jpackage not found: set JAVA_HOME to a JDK 17+ or put its bin/ on PATH"
  JPACKAGE="$(readlink -f "$JPACKAGE")"
fi
JDK_BIN="$(dirname "$JPACKAGE")"
JDK_HOME="$(dirname "$JDK_BIN")"
JLINK="$JDK_BIN/jlink"
[[ -x "$JLINK" ]] || die "no jlink next to $JPACKAGE"

# --- inputs from the Maven build ------------------------------------------------------------------
VERSION="$(sed -n '/<artifactId>threshold<\/artifactId>/{n;s:.*<version>\(.*\)</version>.*:\1:p;q}' pom.xml)"
[[ -n "$VERSION" ]] || die "could not read the project version from pom.xml"
APP_VERSION="${VERSION%-SNAPSHOT}"  # jpackage accepts numbers and dots only
MAIN_JAR="threshold-$VERSION.jar"
MAIN_CLASS="clinic.threshold.app.Launcher"

[[ -f "target/$MAIN_JAR" ]] || die "target/$MAIN_JAR is missing: run ./mvnw -B package -DskipTests first"
compgen -G "target/lib/*.jar" >/dev/null \
  || die "target/lib has no jars: run ./mvnw -B package -DskipTests first"

OUT="target/installer"
RUNTIME="$OUT/runtime"
INPUT="$OUT/input"
FXMODS="$OUT/javafx-modules"
rm -rf "$RUNTIME" "$INPUT" "$FXMODS" "$OUT/Threshold"
rm -f "$OUT"/threshold_*.deb
mkdir -p "$INPUT" "$FXMODS"

# Platform-classified JavaFX jars (javafx-base-21.0.11-linux.jar, -win, -mac, -mac-aarch64 ...) are real
# modules and go to jlink. The unclassified javafx-*.jar are empty stand-ins and are left out entirely.
fx_pattern='^javafx-[a-z]+-[0-9][^-]*-(linux|linux-aarch64|mac|mac-aarch64|win|win-x86)\.jar$'
fx_count=0
for jar in target/lib/*.jar; do
  name="$(basename "$jar")"
  if [[ "$name" =~ $fx_pattern ]]; then
    cp "$jar" "$FXMODS/"
    fx_count=$((fx_count + 1))
  elif [[ "$name" != javafx-* ]]; then
    cp "$jar" "$INPUT/"
  fi
done
cp "target/$MAIN_JAR" "$INPUT/"
((fx_count > 0)) || die "no platform-classified JavaFX jars (javafx-*-linux.jar etc.) in target/lib"

# --- jlinked runtime: JDK modules + JavaFX ---------------------------------------------------------
modules="javafx.controls,javafx.fxml,java.logging,java.management,java.naming,java.sql,java.desktop"
modules+=",jdk.unsupported,jdk.localedata"
# jdk.crypto.ec is an empty, deprecated module on newer JDKs; add it only where it exists.
if "$JDK_BIN/java" --list-modules 2>/dev/null | grep -q '^jdk\.crypto\.ec@'; then
  modules+=",jdk.crypto.ec"
fi
if [[ -n "${THRESHOLD_EXTRA_MODULES:-}" ]]; then modules+=",$THRESHOLD_EXTRA_MODULES"; fi

module_path="$FXMODS"
# Debian's JDK ships jmods; Temurin 24+ links from its own runtime and has none.
if [[ -d "$JDK_HOME/jmods" ]]; then module_path+=":$JDK_HOME/jmods"; fi

echo "== jlink runtime ($("$JDK_BIN/java" -version 2>&1 | head -n 1))"
"$JLINK" --module-path "$module_path" --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages --output "$RUNTIME"

# --- launchers --------------------------------------------------------------------------------------
# The JVM flags live once, in the CLI launcher's properties file; the main launcher gets the same.
CLI_PROPS="installer/threshold-cli.properties"
java_opts_line="$(sed -n 's/^java-options=//p' "$CLI_PROPS")"
[[ -n "$java_opts_line" ]] || die "$CLI_PROPS has no java-options line"
read -r -a opt_words <<<"$java_opts_line"  # split on spaces, no globbing
java_opts=()
for opt in "${opt_words[@]}"; do java_opts+=(--java-options "$opt"); done

echo "== jpackage app-image"
"$JPACKAGE" --type app-image --dest "$OUT" \
  --name Threshold --app-version "$APP_VERSION" --vendor "Threshold" \
  --input "$INPUT" --main-jar "$MAIN_JAR" --main-class "$MAIN_CLASS" \
  --runtime-image "$RUNTIME" --icon installer/icons/threshold.png \
  "${java_opts[@]}" \
  --add-launcher "threshold-cli=$CLI_PROPS"
produced=("$ROOT/$OUT/Threshold")

# --- .deb -----------------------------------------------------------------------------------------
if $want_deb; then
  if command -v dpkg-deb >/dev/null 2>&1; then
    echo "== jpackage deb (takes about 40 s)"
    # Built from the app image above, so the package holds exactly what was just tested.
    # Installing it on a headless machine needs `mkdir -p /usr/share/applications` first (not to build).
    # installer/linux/ holds jpackage resource overrides: threshold-cli.desktop keeps the console
    # launcher out of the desktop menu (JDK 17 has no per-launcher shortcut switch).
    "$JPACKAGE" --type deb --dest "$OUT" \
      --app-image "$OUT/Threshold" \
      --name Threshold --app-version "$APP_VERSION" --vendor "Threshold" \
      --description "Practice management for clinics that treat treatment-resistant depression" \
      --license-file LICENSE --icon installer/icons/threshold.png --resource-dir installer/linux \
      --linux-package-name threshold --linux-package-deps libgtk-3-0 \
      --linux-shortcut --linux-menu-group "Office;MedicalSoftware"
    produced+=("$(ls "$ROOT/$OUT"/threshold_*.deb)")
  else
    echo "installer/build.sh: dpkg-deb not found, skipping the .deb (app image only)" >&2
  fi
fi

rm -rf "$FXMODS"
echo "== produced"
printf '  %s\n' "${produced[@]}"
echo "  (runtime: $ROOT/$RUNTIME)"
