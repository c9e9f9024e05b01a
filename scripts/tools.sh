# Sourced by run.sh and test.sh: installs what a fresh machine of this kind may lack (as root, from Debian).
need_packages=()
command -v java >/dev/null 2>&1 || need_packages+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need_packages+=(maven)
command -v npm >/dev/null 2>&1 || need_packages+=(nodejs npm)
command -v unshare >/dev/null 2>&1 || need_packages+=(util-linux)
# The audit tests run docs/verify-export.py, the standalone check of an exported event stream.
command -v python3 >/dev/null 2>&1 || need_packages+=(python3)
if [ "${VELOCITY_NEEDS_BROWSER:-}" = 1 ] && [ ! -x /usr/bin/chromium ]; then
  need_packages+=(chromium)
fi
if [ ${#need_packages[@]} -gt 0 ]; then
  echo "Installing ${need_packages[*]} ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_packages[@]}"
fi
export AXONIQ_UPDATE_CHECKER_DISABLED=true
