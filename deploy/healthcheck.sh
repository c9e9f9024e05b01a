#!/bin/bash
# Container health: asks the service's own /actuator/health over bash's /dev/tcp,
# because the JRE image ships without curl or wget.
exec 3<>"/dev/tcp/127.0.0.1/${PORT:-8080}" || exit 1
printf 'GET /actuator/health HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
grep -Eq '"status" *: *"UP"' <&3
