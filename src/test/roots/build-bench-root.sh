#!/usr/bin/env bash
# Builds a large generated root for the benchmarks: 5,000 installed packages (a real rpm
# database, filled by rpm itself), 500 of them with a pending update in a local repo (real dnf
# metadata), and 5,000 transactions in the real dnf5 and dnf4 history schemas (4,000 + 1,000).
# Needs the test roots (build-roots.sh) for the schemas and the base repos, and root.
#
#   src/test/roots/build-bench-root.sh [DIR]     (default: $PREFLIGHT_TEST_ROOTS/bench)
set -euo pipefail
ROOTS=${PREFLIGHT_TEST_ROOTS:-/var/tmp/preflight-test-roots}
B=${1:-$ROOTS/bench}
HERE=$(cd "$(dirname "$0")" && pwd)
PACKAGES=5000
UPDATES=500
DNF5_TRANSACTIONS=4000
DNF4_TRANSACTIONS=1000

[ -f "$ROOTS/.complete" ] || { echo "build the test roots first: $HERE/build-roots.sh" >&2; exit 1; }
rm -rf "$B" "$B.build"
mkdir -p "$B/etc" "$B/usr/bin" "$B.build"
cp "$HERE/os-release-fedora-43" "$B/etc/os-release"
# A dnf4 system, so that the benchmark runs the real dnf check-update (and times it apart).
echo 'stands in for the real program' > "$B/usr/bin/dnf-3"
cp -a "$ROOTS/dnf4/etc/dnf" "$ROOTS/dnf4/etc/yum.repos.d" "$B/etc/"
printf '[bench-updates]\nname=Preflight benchmark updates\nbaseurl=file://%s\nenabled=1\ngpgcheck=0\n' "$B.repo" \
  > "$B/etc/yum.repos.d/bench-updates.repo"
mkdir -p -m 1777 "$B/var/tmp"

echo "== rpmbuild: one spec, $PACKAGES packages"
{
  echo "Name: bench-base"
  echo "Version: 1.0"
  echo "Release: 1.fc43"
  echo "Summary: Preflight benchmark packages"
  echo "License: MIT"
  echo "BuildArch: noarch"
  echo "%description"
  echo "Generated."
  for i in $(seq 2 "$PACKAGES"); do
    printf '%%package -n bench-pkg-%d\nSummary: generated\nVersion: %d.%d.%d\nRelease: %d.fc43\n%%description -n bench-pkg-%d\nGenerated.\n%%files -n bench-pkg-%d\n' \
      "$i" $((i % 7 + 1)) $((i % 13)) $((i % 5)) $((i % 3 + 1)) "$i" "$i"
  done
  echo "%files"
} > "$B.build/bench.spec"
rpmbuild -bb --quiet --define "_topdir $B.build/top" --define "_rpmdir $B.build/rpms" \
  --define "_build_name_fmt %%{NAME}-%%{VERSION}-%%{RELEASE}.%%{ARCH}.rpm" "$B.build/bench.spec" > /dev/null

echo "== rpmbuild: $UPDATES updates, into the repo $B.repo"
{
  echo "Name: bench-updates"
  echo "Version: 1.0"
  echo "Release: 1.fc43"
  echo "Summary: Preflight benchmark updates"
  echo "License: MIT"
  echo "BuildArch: noarch"
  echo "%description"
  echo "Generated."
  for i in $(seq 2 $((UPDATES + 1))); do
    printf '%%package -n bench-pkg-%d\nSummary: generated\nVersion: %d.%d.%d\nRelease: %d.fc43\n%%description -n bench-pkg-%d\nGenerated.\n%%files -n bench-pkg-%d\n' \
      "$i" $((i % 7 + 1)) $((i % 13)) $((i % 5)) $((i % 3 + 11)) "$i" "$i"
  done
  echo "%files"
} > "$B.build/updates.spec"
rm -rf "$B.repo" && mkdir -p "$B.repo"
rpmbuild -bb --quiet --define "_topdir $B.build/top" --define "_rpmdir $B.repo" \
  --define "_build_name_fmt %%{NAME}-%%{VERSION}-%%{RELEASE}.%%{ARCH}.rpm" "$B.build/updates.spec" > /dev/null
createrepo_c --quiet "$B.repo"
# Bodhi's updateinfo for the updates, two packages an advisory, each fixing one bug, as Fedora's
# updates repository carries it: the join key for Bodhi and Bugzilla in the sources benchmark.
python3 - "$B.repo/updateinfo.xml" "$UPDATES" <<'UPDATEINFO'
import sys
out, n = sys.argv[1], int(sys.argv[2])
with open(out, "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<updates>\n')
    for a in range(0, n, 2):
        f.write(f'  <update from="updates@fedoraproject.org" status="stable" type="bugfix" version="2.0">\n'
                f'    <id>FEDORA-2026-{a:010x}</id>\n    <title>bench update {a}</title>\n'
                f'    <issued date="2026-11-{a % 28 + 1:02d} 10:00:00"/>\n    <severity>Moderate</severity>\n'
                f'    <references><reference href="https://bugzilla.redhat.com/show_bug.cgi?id={2500000 + a}" '
                f'id="{2500000 + a}" type="bugzilla" title="bench bug {a}"/></references>\n'
                f'    <pkglist><collection short="F43"><name>Fedora 43</name>\n')
        for i in (a + 2, a + 3):
            if i <= n + 1:
                v = f"{i % 7 + 1}.{i % 13}.{i % 5}"
                f.write(f'      <package name="bench-pkg-{i}" version="{v}" release="{i % 3 + 11}.fc43" epoch="0" arch="noarch">'
                        f'<filename>bench-pkg-{i}-{v}-{i % 3 + 11}.fc43.noarch.rpm</filename></package>\n')
        f.write('    </collection></pkglist>\n  </update>\n')
    f.write('</updates>\n')
UPDATEINFO
modifyrepo_c "$B.repo/updateinfo.xml" "$B.repo/repodata" > /dev/null && rm "$B.repo/updateinfo.xml"

echo "== rpm --justdb into $B"
cp "$ROOTS"/sid/srv/repos/fedora/fedora-release-common-*.rpm "$B.build/rpms/"
find "$B.build/rpms" -name '*.rpm' -print0 \
  | xargs -0 rpm --root "$B" --install --justdb --nodeps --noscripts --notriggers 2> "$B.build/rpm.log" \
  || { cat "$B.build/rpm.log" >&2; exit 1; }

echo "== history: $DNF5_TRANSACTIONS dnf5 and $DNF4_TRANSACTIONS dnf4 transactions in the real schemas"
mkdir -p "$B/usr/lib/sysimage/libdnf5" "$B/var/lib/dnf"
sqlite3 -readonly "$ROOTS/sid/roots/dnf5/usr/lib/sysimage/libdnf5/transaction_history.sqlite" \
  "VACUUM INTO '$B/usr/lib/sysimage/libdnf5/transaction_history.sqlite'"
sqlite3 -readonly "$ROOTS/dnf4/var/lib/dnf/history.sqlite" "VACUUM INTO '$B/var/lib/dnf/history.sqlite'"
python3 - "$B" "$DNF5_TRANSACTIONS" "$DNF4_TRANSACTIONS" "$PACKAGES" <<'PY'
import sqlite3, sys
root, n5, n4, npk = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
start = 1700000000
db = sqlite3.connect(root + "/usr/lib/sysimage/libdnf5/transaction_history.sqlite")
c = db.cursor()
ids = lambda table: dict(c.execute(f"select name, id from {table}").fetchall())
action, reason = ids("trans_item_action"), ids("trans_item_reason")
c.execute("insert or ignore into arch(name) values ('x86_64')")
arch = c.execute("select id from arch where name='x86_64'").fetchone()[0]
repo = c.execute("select id from repo where repoid='updates'").fetchone()[0]
system = c.execute("select id from repo where repoid='@System'").fetchone()[0]
for t in range(n5):
    when = start + t * 3600
    c.execute("insert into trans(dt_begin, dt_end, rpmdb_version_begin, rpmdb_version_end, releasever, user_id, description, comment, state_id)"
              " values (?, ?, '', '', '43', 1000, ?, '', 2)", (when, when + 30, f"dnf5 upgrade bench-pkg-{t % npk}"))
    trans = c.lastrowid
    for k in range(3):
        name = f"bench-pkg-{(t * 3 + k) % npk}"
        c.execute("insert or ignore into pkg_name(name) values (?)", (name,))
        name_id = c.execute("select id from pkg_name where name=?", (name,)).fetchone()[0]
        for (ver, act, rep) in ((f"{t}.1", "Upgrade", repo), (f"{t}.0", "Replaced", system)):
            c.execute("insert into item default values")
            item = c.lastrowid
            c.execute("insert into rpm(item_id, name_id, epoch, version, release, arch_id) values (?, ?, 0, ?, '1.fc43', ?)",
                      (item, name_id, ver, arch))
            c.execute("insert into trans_item(trans_id, item_id, repo_id, action_id, reason_id, state_id) values (?, ?, ?, ?, ?, 2)",
                      (trans, item, rep, action[act], reason["User"]))
db.commit()
db = sqlite3.connect(root + "/var/lib/dnf/history.sqlite")
c = db.cursor()
repo = c.execute("select id from repo where repoid='updates'").fetchone()[0]
for t in range(n4):
    when = start + t * 7200 + 1800
    c.execute("insert into trans(dt_begin, dt_end, releasever, user_id, cmdline, state) values (?, ?, '43', 1000, ?, 1)",
              (when, when + 20, f"upgrade bench-pkg-{t % npk}"))
    trans = c.lastrowid
    items = []
    for (ver, act) in ((f"{t}.4", 6), (f"{t}.3", 7)):
        c.execute("insert into item(item_type) values (1)")
        item = c.lastrowid
        c.execute("insert into rpm(item_id, name, epoch, version, release, arch) values (?, ?, 0, ?, '1.fc43', 'x86_64')",
                  (item, f"bench-dnf4-{t}", ver))
        c.execute("insert into trans_item(trans_id, item_id, repo_id, action, reason, state) values (?, ?, ?, ?, 2, 1)",
                  (trans, item, repo, act))
        items.append(c.lastrowid)
    c.execute("insert into item_replaced_by(trans_item_id, by_trans_item_id) values (?, ?)", (items[1], items[0]))
db.commit()
PY
dnf -q --installroot="$B" --releasever=43 makecache > /dev/null
rm -rf "$B.build"
echo "== benchmark root ready in $B: $(rpm --root "$B" -qa | wc -l) packages"
