# Sourced. Loopback ports for the throwaway services of the scripts (bench, smoke, multi-node).
#
# take_ports VAR...: sets each VAR to a TCP port on 127.0.0.1 that the kernel handed out (bind to port 0) while
# all of them were held open, so they differ from each other and from every port given earlier in this shell.
# Random guesses probed with a connect, as before, once collided: a guess is not bound until its service starts,
# so two guesses could meet, and a port used by an outgoing connection looked free. Variables, not $(...): a
# subshell would forget which ports it gave.
_TAKEN_PORTS=()
take_ports() {
  local ports=()
  mapfile -t ports < <(python3 - "$#" "${_TAKEN_PORTS[@]}" <<'PY'
import socket, sys
wanted, taken = int(sys.argv[1]), set(sys.argv[2:])
held, ports = [], []
while len(ports) < wanted and len(held) < 1000:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(("127.0.0.1", 0))
    held.append(s)
    port = str(s.getsockname()[1])
    if port not in taken:
        ports.append(port)
print("\n".join(ports))
PY
  )
  if [[ ${#ports[@]} -ne $# ]]; then
    echo "take_ports: the kernel handed out ${#ports[@]} of $# ports" >&2
    return 1
  fi
  local i=0 name
  for name in "$@"; do
    printf -v "$name" '%s' "${ports[i]}"
    _TAKEN_PORTS+=("${ports[i]}")
    i=$((i + 1))
  done
}
