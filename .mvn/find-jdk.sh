# Sourced by ./mvnw and ./deepseek (POSIX sh): finds a JDK whose major version is at least $1.
# Looks at DEEPSEEK_JAVA_HOME, JAVA_HOME, the java on PATH, then the usual install folders; prints
# its home, or fails with one sentence saying what to install or set.
find_jdk() {
  fj_need="${1:-25}"
  case $- in *f*) fj_noglob=1; set +f ;; *) fj_noglob=0 ;; esac
  fj_path_java=""
  if command -v java >/dev/null 2>&1; then
    fj_path_java=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  fi
  for fj_home in "${DEEPSEEK_JAVA_HOME:-}" "${JAVA_HOME:-}" "$fj_path_java" /usr/lib/jvm/* /usr/java/* \
      /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* \
      /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -n "$fj_home" ] && [ -x "$fj_home/bin/java" ] && [ -x "$fj_home/bin/javac" ] || continue
    fj_major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$fj_home/release" 2>/dev/null)
    if [ -n "$fj_major" ] && [ "$fj_major" -ge "$fj_need" ]; then
      echo "$fj_home"
      [ "$fj_noglob" = 1 ] && set -f
      return 0
    fi
  done
  [ "$fj_noglob" = 1 ] && set -f
  echo "deepseek4j needs a JDK $fj_need or newer and none was found: install one (e.g. 'apt-get install openjdk-$fj_need-jdk' or Temurin $fj_need) or set JAVA_HOME to it." >&2
  return 1
}
