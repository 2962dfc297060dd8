#!/bin/sh
# cli.sh — the `cordon` program: dispatch, help, version, exit codes.
set -u
C="${CORDON:-../tools/cordon}"
fails=0; n=0
check() { # check NAME EXPECTED_EXIT -- command...
    name=$1; want=$2; shift 3
    n=$((n + 1))
    "$@" >/tmp/cordon-cli.$$ 2>&1; got=$?
    if [ "$got" -ne "$want" ]; then
        echo "FAIL: $name: exit $got, want $want"; sed 's/^/  | /' /tmp/cordon-cli.$$
        fails=$((fails + 1))
    fi
}
has() { # has NAME PATTERN -- command...
    name=$1; pat=$2; shift 3
    n=$((n + 1))
    if ! "$@" 2>&1 | grep -q -- "$pat"; then
        echo "FAIL: $name: output lacks '$pat'"; fails=$((fails + 1))
    fi
}
check "no args is usage error" 2 -- "$C"
check "--help" 0 -- "$C" --help
check "--version" 0 -- "$C" --version
has "--version prints version" "^cordon [0-9][0-9.]*" -- "$C" --version
check "help" 0 -- "$C" help
check "help version" 0 -- "$C" help version
check "help unknown" 2 -- "$C" help nosuch
check "unknown command" 2 -- "$C" nosuch
has "unknown command message" "unknown command 'nosuch'" -- "$C" nosuch
check "version --help" 0 -- "$C" version --help
has "version --json" '"version":' -- "$C" version --json
check "version bad arg" 2 -- "$C" version --bogus
has "errors lists E_UTF8" "invalid UTF-8" -- "$C" errors
for cmd in $("$C" --help | awk '/^Commands:/{f=1;next} /^$/{f=0} f{print $1}'); do
    check "$cmd --help" 0 -- "$C" "$cmd" --help
    has "$cmd --help has Usage" "Usage: cordon $cmd" -- "$C" "$cmd" --help
done
rm -f /tmp/cordon-cli.$$
echo "cli: $((n - fails)) passed, $fails failed"
[ $fails -eq 0 ]
