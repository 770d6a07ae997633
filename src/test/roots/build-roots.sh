#!/usr/bin/env bash
# Builds the Fedora-like test roots that the system-adapter tests read (see docs/ARCHITECTURE.md,
# "The real test environment"). Needs root (debootstrap, chroot, dnf --installroot) and
# Debian's rpm, dnf, createrepo-c and debootstrap on the host.
#
#   src/test/roots/build-roots.sh [DIR]     (default: $PREFLIGHT_TEST_ROOTS or /var/tmp/preflight-test-roots)
#   src/test/roots/build-roots.sh --check [DIR]   exit 0 when the roots in DIR are built by this very script, else 1
#
# DIR/sid                      a Debian sid chroot with the real dnf5 (5.4) and dnf (4.24)
# DIR/sid/srv/repos/{fedora,updates}   repos of small packages named like Fedora's
# DIR/dnf4                     a root managed by the host's dnf4: real rpm database, dnf4 history
# DIR/sid/roots/dnf5           a root managed by dnf5 in the chroot, plus one dnf4 transaction
#                              (as PackageKit wrote them on Fedora 41-43)
# DIR/sid/roots/upgrade5        the dnf5 root after dnf5's system-upgrade download --releasever=44
# Both roots have pending updates, including an obsoleting one, and cached metadata with
# updateinfo (updateinfo-updates.xml: the advisories of the mesa and firefox updates).
# A finished build leaves DIR/.complete holding this script's checksum; a second run with the
# same script returns at once.
set -euo pipefail

CHECK_ONLY=false
if [ "${1:-}" = --check ]; then
  CHECK_ONLY=true
  shift
fi
R=${1:-${PREFLIGHT_TEST_ROOTS:-/var/tmp/preflight-test-roots}}
HERE=$(cd "$(dirname "$0")" && pwd)
SUM=$(cat "$HERE/build-roots.sh" "$HERE/updateinfo-updates.xml" "$HERE/os-release-fedora-43" | sha256sum | cut -d' ' -f1)
MIRROR=${PREFLIGHT_DEBIAN_MIRROR:-http://deb.debian.org/debian}

if [ "$(cat "$R/.complete" 2>/dev/null)" = "$SUM" ]; then
  [ "$CHECK_ONLY" = true ] || echo "test roots in $R are up to date"
  exit 0
fi
if [ "$CHECK_ONLY" = true ]; then
  exit 1
fi
if [ "$(id -u)" != 0 ]; then
  echo "build-roots.sh: needs root (debootstrap, chroot, dnf --installroot)" >&2
  exit 1
fi
log() { printf '== %s\n' "$*"; }
# next_second: wait until the clock's second changes, so that what runs next starts later in
# whole seconds than what ran before (transaction history keeps whole seconds).
next_second() {
  local now
  now=$(date +%s)
  while [ "$(date +%s)" = "$now" ]; do sleep 0.05; done
}

# Fedora keeps the rpm database in /usr/lib/sysimage/rpm. Debian's rpm puts it in ~/.rpmdb
# (bookworm) or /var/lib/rpm (sid), which would make the same root look different to different
# users and tools; the test roots use Fedora's place, on the host and in the chroot alike.
DBPATH_MACRO='%_dbpath /usr/lib/sysimage/rpm'
mkdir -p /etc/rpm
echo "$DBPATH_MACRO" > /etc/rpm/macros.preflight-test-roots

rm -rf "$R/dnf4" "$R/rpms" "$R/build" "$R/.complete"
mkdir -p "$R"

# --- the sid chroot with dnf5 ------------------------------------------------------------------
if [ ! -x "$R/sid/usr/bin/dnf5" ] || [ ! -x "$R/sid/usr/bin/dnf-3" ]; then
  log "debootstrap sid (dnf5, dnf4)"
  rm -rf "$R/sid"
  debootstrap --variant=minbase --include=dnf5,dnf,rpm,createrepo-c,sqlite3 sid "$R/sid" "$MIRROR" > "$R/debootstrap.log" 2>&1 \
    || { tail -20 "$R/debootstrap.log" >&2; exit 1; }
fi
mkdir -p "$R/sid/etc/rpm"
echo "$DBPATH_MACRO" > "$R/sid/etc/rpm/macros.preflight-test-roots"
rm -rf "$R/sid/roots" "$R/sid/srv/repos"

# --- packages ----------------------------------------------------------------------------------
# pkg STAGE NAME EPOCH VERSION RELEASE ARCH [TAG: VALUE | File: PATH | Source-package: SRC]...
# builds one package into rpms/STAGE. (File: adds an empty executable the package owns, as dnf5
# owns /usr/bin/dnf5. Source-package: builds NAME as a subpackage of the spec SRC, so that its
# SOURCERPM is SRC-VERSION-RELEASE.src.rpm, as mesa-libGL's is mesa's.)
pkg() {
  local stage=$1 name=$2 epoch=$3 version=$4 release=$5 arch=$6
  shift 6
  local spec="$R/build/$name-$version-$release.spec" files=() tags=()
  local own="/usr/share/preflight-test/$name" src=""
  for tag in "$@"; do
    case "$tag" in
      "File: "*) files+=("${tag#File: }") ;;
      "Source-package: "*) src="${tag#Source-package: }" ;;
      # Installonly packages stand side by side: each version owns a file of its own.
      "Versioned: yes") own="/usr/share/preflight-test/$name-$version-$release" ;;
      *) tags+=("$tag") ;;
    esac
  done
  mkdir -p "$R/build" "$R/rpms/$stage"
  local sub=""
  [ -n "$src" ] && sub=" -n $name"
  {
    echo "Name: ${src:-$name}"
    [ "$epoch" != 0 ] && echo "Epoch: $epoch"
    echo "Version: $version"
    echo "Release: $release"
    echo "Summary: Preflight test package $name"
    echo "License: MIT"
    # rpm will not build BuildArch: i686 on x86_64 (not in its buildarch_compat); --target alone does.
    [ "$arch" != i686 ] && echo "BuildArch: $arch"
    if [ -n "$src" ]; then
      echo "%description"
      echo "The source package of $name (no files: not built)."
      echo "%package$sub"
      echo "Summary: Preflight test package $name"
    fi
    for tag in "${tags[@]}"; do echo "$tag"; done
    echo "%description$sub"
    echo "A small package named and versioned like Fedora's, for Preflight's tests."
    echo "%install"
    echo "mkdir -p %{buildroot}/usr/share/preflight-test"
    echo "echo '$name-$version-$release' > %{buildroot}$own"
    for file in "${files[@]}"; do
      echo "mkdir -p %{buildroot}$(dirname "$file") && echo 'stands in for the real program' > %{buildroot}$file && chmod 755 %{buildroot}$file"
    done
    if [ "$name" = fedora-release-common ]; then
      echo "mkdir -p %{buildroot}/usr/lib %{buildroot}/etc"
      echo "cp $HERE/os-release-fedora-43 %{buildroot}/usr/lib/os-release"
      echo "ln -s ../usr/lib/os-release %{buildroot}/etc/os-release"
    fi
    echo "%files$sub"
    echo "$own"
    for file in "${files[@]}"; do echo "$file"; done
    if [ "$name" = fedora-release-common ]; then
      echo "/usr/lib/os-release"
      echo "/etc/os-release"
    fi
  } > "$spec"
  rpmbuild -bb --quiet --define "_topdir $R/build/top" --define "_rpmdir $R/rpms/$stage" \
    --define "_build_id_links none" --define "__os_install_post %{nil}" \
    --define "_build_name_fmt %%{NAME}-%%{VERSION}-%%{RELEASE}.%%{ARCH}.rpm" \
    --target "$arch" "$spec" > /dev/null
}

log "rpmbuild"
# The release as installed.
pkg fedora fedora-release-common 0 43 26 noarch \
  "Provides: system-release" "Provides: system-release(43)" "Provides: system-release(releasever) = 43"
pkg fedora libdrm 0 2.4.125 1.fc43 x86_64
pkg fedora mesa-dri-drivers 0 25.1.2 1.fc43 x86_64 "Requires: libdrm"
pkg fedora mesa-libGL 0 25.1.2 1.fc43 x86_64
pkg fedora kernel-core 0 6.17.5 300.fc43 x86_64
pkg fedora grub2-efi-x64 1 2.12 32.fc43 x86_64
pkg fedora firefox 0 146.0~b3 0.1.fc43 x86_64
pkg fedora gnome-shell 0 49.1 1.fc43 x86_64
pkg fedora python3.13-libs 0 3.13.9 1.fc43 x86_64
pkg fedora pulseaudio 0 17.0 1.fc43 x86_64
pkg fedora jack-audio-connection-kit 0 1.9.22 8.fc43 x86_64
pkg fedora nano 0 8.4 1.fc43 x86_64
pkg fedora htop 0 3.4.1 1.fc43 x86_64
pkg fedora NetworkManager-libnm 1 1.54.0 1.fc43 x86_64
pkg fedora dnf5 0 5.2.17.0 1.fc43 x86_64 "File: /usr/bin/dnf5"
pkg fedora python3-dnf 0 4.23.0 1.fc43 noarch "File: /usr/bin/dnf-3"
# Updates that the roots install: the bad mesa, an htop that is later downgraded, and
# pipewire-pulseaudio, which obsoletes pulseaudio.
pkg updates-installed mesa-dri-drivers 0 25.1.4 1.fc43 x86_64 "Requires: libdrm"
pkg updates-installed mesa-libGL 0 25.1.4 1.fc43 x86_64
pkg updates-installed htop 0 3.4.2 1.fc43 x86_64
pkg updates-installed pipewire-pulseaudio 0 1.4.9 1.fc43 x86_64 \
  "Obsoletes: pulseaudio < 17.1" "Provides: pulseaudio = 17.1"
# Updates published afterwards: these are pending.
pkg updates-pending mesa-dri-drivers 0 25.1.6 1.fc43 x86_64 "Requires: libdrm"
pkg updates-pending mesa-libGL 0 25.1.6 1.fc43 x86_64
pkg updates-pending kernel-core 0 6.17.7 300.fc43 x86_64
pkg updates-pending grub2-efi-x64 1 2.12 33.fc43 x86_64
pkg updates-pending firefox 0 146.0 1.fc43 x86_64
pkg updates-pending gnome-shell 0 49.2 1.fc43 x86_64
pkg updates-pending NetworkManager-libnm 1 1.54.2 1.fc43 x86_64
pkg updates-pending pipewire-jack-audio-connection-kit 0 1.4.9 1.fc43 x86_64 \
  "Obsoletes: jack-audio-connection-kit < 1.9.23" "Provides: jack-audio-connection-kit = 1.9.23"

REPOS="$R/sid/srv/repos"
publish() { # publish STAGE...: copy the stages' packages into the updates repo and index it
  mkdir -p "$REPOS/updates"
  for stage in "$@"; do cp "$R/rpms/$stage"/*.rpm "$REPOS/updates/"; done
  createrepo_c --quiet --update "$REPOS/updates"
}
mkdir -p "$REPOS/fedora"
cp "$R/rpms/fedora"/*.rpm "$REPOS/fedora/"
createrepo_c --quiet "$REPOS/fedora"
publish updates-installed

# write_config ROOT REPO_BASE: dnf configuration inside a root, as Fedora's would be
write_config() {
  local root=$1 base=$2
  mkdir -p "$root/etc/dnf" "$root/etc/yum.repos.d" "$root/var/tmp" "$root/tmp"
  chmod 1777 "$root/var/tmp" "$root/tmp"   # as on Fedora: dnf run by a user keeps its cache there
  printf '[main]\ngpgcheck=0\ninstall_weak_deps=False\nkeepcache=False\nbest=False\n' > "$root/etc/dnf/dnf.conf"
  for repo in fedora updates; do
    printf '[%s]\nname=Fedora $releasever - %s (Preflight test)\nbaseurl=file://%s/%s\nenabled=1\ngpgcheck=0\nmetadata_expire=7d\n' \
      "$repo" "$repo" "$base" "$repo" > "$root/etc/yum.repos.d/$repo.repo"
  done
}

FIRST=(mesa-dri-drivers mesa-libGL kernel-core grub2-efi-x64 firefox gnome-shell python3.13-libs
       pulseaudio jack-audio-connection-kit nano htop NetworkManager-libnm)

# history_steps DNF... : the same life for both roots: install, the bad update, an upgrade then a
# downgrade, a removal, an obsoleting install. (Called after ||, where set -e does not apply.)
history_steps() {
  "$@" --disablerepo=updates install fedora-release-common "${FIRST[@]}" "$MARKER" || return 1
  "$@" upgrade mesa-dri-drivers mesa-libGL || return 1
  "$@" upgrade htop || return 1
  "$@" downgrade htop || return 1
  "$@" remove nano || return 1
  "$@" install pipewire-pulseaudio || return 1
}

# Debian's dnf-plugins-core enables dnf4's "local" plugin, which copies every package a
# transaction installs into /var/lib/dnf/plugins/local and offers them to every later dnf run as
# the repository _dnf_local: a second build would install the updates' versions from there. The
# host's dnf runs here without it.
log "dnf4 root (host dnf $(dnf --version | head -1))"
D4="$R/dnf4"
write_config "$D4" "$REPOS"
MARKER=python3-dnf
history_steps dnf -y -q --disableplugin=local --installroot="$D4" --releasever=43 > "$R/dnf4.log" 2>&1 || { tail -30 "$R/dnf4.log" >&2; exit 1; }

log "dnf5 root (dnf5 $(chroot "$R/sid" dnf5 --version | head -1 | awk '{print $3}') in sid)"
D5=/roots/dnf5
write_config "$R/sid$D5" /srv/repos
MARKER=dnf5
history_steps chroot "$R/sid" dnf5 -y -q --installroot="$D5" --releasever=43 > "$R/dnf5.log" 2>&1 || { tail -30 "$R/dnf5.log" >&2; exit 1; }
# PackageKit on Fedora 41-43 wrote through dnf4: one transaction in the dnf4 database. It must be
# the newest of the root (HistoryIT says so): the databases keep whole seconds, and on a fast
# machine all seven transactions fall within one, so start it in the next second.
next_second
chroot "$R/sid" dnf-3 -y -q --installroot="$D5" --releasever=43 install nano >> "$R/dnf5.log" 2>&1 || { tail -30 "$R/dnf5.log" >&2; exit 1; }

log "publish pending updates with their advisories, refresh metadata"
publish updates-pending
# Bodhi's updateinfo for two of the pending updates (mesa fixes bug 2400001; firefox) and four
# others, added to the repository as Fedora's compose does (xz-compressed: Debian's createrepo_c has no zstd), so
# that dnf's advisory commands, and Preflight's own reader, read it from the cache.
cp "$HERE/updateinfo-updates.xml" "$REPOS/updates/updateinfo.xml"
modifyrepo_c --compress-type=xz "$REPOS/updates/updateinfo.xml" "$REPOS/updates/repodata" > /dev/null
rm "$REPOS/updates/updateinfo.xml"
dnf -q --disableplugin=local --installroot="$D4" --releasever=43 makecache --refresh >> "$R/dnf4.log" 2>&1
# dnf5 5.4 keeps its first copy of a file:// repo's metadata even with --refresh: start afresh.
chroot "$R/sid" dnf5 -q --installroot="$D5" --releasever=43 clean metadata >> "$R/dnf5.log" 2>&1
chroot "$R/sid" dnf5 -q --installroot="$D5" --releasever=43 makecache >> "$R/dnf5.log" 2>&1

# --- the edge roots: how Fedora really installs packages ------------------------------------------
# DIR/edge4 (host dnf4) and DIR/sid/roots/edge5 (dnf5), from repos of their own so that the roots
# above keep their story: three kernels side by side (installonly: 6.17.5, the affected 6.17.6,
# the fixed 6.17.7, each with kernel-modules, with Boot Loader Specification entries as
# kernel-install writes them), mesa-libGL in both arches (x86_64 and the 32-bit i686 build, as
# Steam installs it), upgraded to 25.1.4 and then reinstalled, Plasma's plasma-workspace on a
# Workstation, upgraded to 6.5.2, file, less and which, xz-libs 5.6.1; pending: mesa-libGL 25.1.6
# in both arches, file, less and which, and xz-libs 1:5.4.6 (an epoch bump back to the old code).
log "edge roots: installonly kernels, multilib, a reinstall, Plasma on Workstation"
kernel() { # kernel STAGE VERSION: kernel-core and kernel-modules of one version, installonly as Fedora's
  pkg "$1" kernel-core 0 "$2" 300.fc43 x86_64 "Versioned: yes" "Provides: installonlypkg(kernel)"
  pkg "$1" kernel-modules 0 "$2" 300.fc43 x86_64 "Versioned: yes" "Provides: installonlypkg(kernel-module)" \
    "Requires: kernel-core = $2-300.fc43"
}
kernel edge-fedora 6.17.5
pkg edge-fedora mesa-libGL 0 25.1.2 1.fc43 x86_64 "Source-package: mesa"
pkg edge-fedora mesa-libGL 0 25.1.2 1.fc43 i686 "Source-package: mesa"
pkg edge-fedora plasma-workspace 0 6.5.1 1.fc43 x86_64
pkg edge-fedora grub2-efi-x64 1 2.12 32.fc43 x86_64
# Packages named like English words (a Common Issues topic must not name them by "file a bug"),
# and xz-libs, whose pending update reverts a bad version with an epoch bump (xz's way in 2024).
pkg edge-fedora file 0 5.45 1.fc43 x86_64
pkg edge-fedora less 0 668 1.fc43 x86_64
pkg edge-fedora which 0 2.21 40.fc43 x86_64
pkg edge-fedora xz-libs 0 5.6.1 1.fc43 x86_64 "Source-package: xz"
kernel edge-kernel-bad 6.17.6
pkg edge-updates-installed mesa-libGL 0 25.1.4 1.fc43 x86_64 "Source-package: mesa"
pkg edge-updates-installed mesa-libGL 0 25.1.4 1.fc43 i686 "Source-package: mesa"
pkg edge-updates-installed plasma-workspace 0 6.5.2 1.fc43 x86_64
kernel edge-kernel-fixed 6.17.7
pkg edge-updates-pending mesa-libGL 0 25.1.6 1.fc43 x86_64 "Source-package: mesa"
pkg edge-updates-pending mesa-libGL 0 25.1.6 1.fc43 i686 "Source-package: mesa"
pkg edge-updates-pending file 0 5.46 1.fc43 x86_64
pkg edge-updates-pending less 0 679 1.fc43 x86_64
pkg edge-updates-pending which 0 2.23 1.fc43 x86_64
pkg edge-updates-pending xz-libs 1 5.4.6 2.fc43 x86_64 "Source-package: xz"
mkdir -p "$REPOS/edge-fedora" "$REPOS/edge-updates"
cp "$R/rpms/fedora"/fedora-release-common-*.rpm "$R/rpms/fedora"/dnf5-*.rpm "$R/rpms/fedora"/python3-dnf-*.rpm \
  "$R/rpms/edge-fedora"/*.rpm "$REPOS/edge-fedora/"
createrepo_c --quiet "$REPOS/edge-fedora"
edge_publish() { # edge_publish STAGE...
  for stage in "$@"; do cp "$R/rpms/$stage"/*.rpm "$REPOS/edge-updates/"; done
  createrepo_c --quiet --update "$REPOS/edge-updates"
}
edge_publish edge-kernel-bad edge-updates-installed

edge_config() { # edge_config ROOT REPO_BASE
  local root=$1 base=$2
  mkdir -p "$root/etc/dnf" "$root/etc/yum.repos.d" "$root/var/tmp" "$root/tmp"
  chmod 1777 "$root/var/tmp" "$root/tmp"
  printf '[main]\ngpgcheck=0\ninstall_weak_deps=False\nkeepcache=False\nbest=False\n' > "$root/etc/dnf/dnf.conf"
  for repo in fedora updates; do
    printf '[%s]\nname=Fedora $releasever - %s (Preflight edge test)\nbaseurl=file://%s/edge-%s\nenabled=1\ngpgcheck=0\nmetadata_expire=7d\n' \
      "$repo" "$repo" "$base" "$repo" > "$root/etc/yum.repos.d/$repo.repo"
  done
}
# edge_steps ROOT_ON_HOST DNF...: the edge story (called after ||, where set -e does not apply)
edge_steps() {
  local root=$1
  shift
  "$@" --disablerepo=updates install fedora-release-common kernel-core kernel-modules mesa-libGL.x86_64 mesa-libGL.i686 \
    plasma-workspace grub2-efi-x64 file less which xz-libs "$MARKER" || return 1
  "$@" upgrade kernel-core kernel-modules || return 1
  "$@" upgrade mesa-libGL || return 1
  "$@" reinstall mesa-libGL || return 1
  "$@" upgrade plasma-workspace || return 1
  edge_publish edge-kernel-fixed
  "$@" clean metadata > /dev/null || return 1   # dnf would keep its cached copy of the repo (metadata_expire)
  "$@" upgrade kernel-core kernel-modules || return 1
  # The boot entries kernel-install writes for each kernel (the test packages run no scriptlets).
  mkdir -p "$root/boot/loader/entries"
  for v in 6.17.5 6.17.6 6.17.7; do
    printf 'title Fedora Linux (%s-300.fc43.x86_64) 43 (Workstation Edition)\nversion %s-300.fc43.x86_64\nlinux /vmlinuz-%s-300.fc43.x86_64\ninitrd /initramfs-%s-300.fc43.x86_64.img\noptions root=UUID=0 ro rhgb quiet\ngrub_users $grub_users\ngrub_arg --unrestricted\ngrub_class fedora\n' \
      "$v" "$v" "$v" "$v" > "$root/boot/loader/entries/0123456789abcdef0123456789abcdef-$v-300.fc43.x86_64.conf"
  done
}
rm -rf "$R/edge4" "$R/sid/roots/edge5"
E4="$R/edge4"
edge_config "$E4" "$REPOS"
MARKER=python3-dnf
edge_steps "$E4" dnf -y -q --disableplugin=local --installroot="$E4" --releasever=43 > "$R/edge4.log" 2>&1 \
  || { tail -30 "$R/edge4.log" >&2; exit 1; }
E5=/roots/edge5
edge_config "$R/sid$E5" /srv/repos
MARKER=dnf5
# The fixed kernel's repo state is reset: the dnf5 root starts from the same published set.
rm -f "$REPOS/edge-updates"/kernel-*6.17.7*.rpm && createrepo_c --quiet --update "$REPOS/edge-updates"
edge_steps "$R/sid$E5" chroot "$R/sid" dnf5 -y -q --installroot="$E5" --releasever=43 > "$R/edge5.log" 2>&1 \
  || { tail -30 "$R/edge5.log" >&2; exit 1; }
edge_publish edge-updates-pending
dnf -q --disableplugin=local --installroot="$E4" --releasever=43 makecache --refresh >> "$R/edge4.log" 2>&1
chroot "$R/sid" dnf5 -q --installroot="$E5" --releasever=43 clean metadata >> "$R/edge5.log" 2>&1
chroot "$R/sid" dnf5 -q --installroot="$E5" --releasever=43 makecache >> "$R/edge5.log" 2>&1

# --- a staged release upgrade: dnf5's own system-upgrade download to Fedora 44 --------------------
# DIR/sid/roots/upgrade5: the dnf5 root, plus a repository for release 44 (fedora-release-common
# 44), after `dnf5 system-upgrade download --releasever=44`: its offline-transaction-state.toml
# and transaction.json are dnf5's, waiting for a reboot.
log "upgrade root: dnf5 system-upgrade download --releasever=44"
sed 's/43/44/g' "$HERE/os-release-fedora-43" > "$R/build/os-release-fedora-44"
cat > "$R/build/release-44.spec" <<SPEC
Name: fedora-release-common
Version: 44
Release: 1
Summary: Fedora 44's release package, for Preflight's upgrade tests
License: MIT
BuildArch: noarch
Provides: system-release
Provides: system-release(44)
Provides: system-release(releasever) = 44
%description
Names the release, as Fedora's does.
%install
mkdir -p %{buildroot}/usr/lib %{buildroot}/etc
cp $R/build/os-release-fedora-44 %{buildroot}/usr/lib/os-release
ln -s ../usr/lib/os-release %{buildroot}/etc/os-release
%files
/usr/lib/os-release
/etc/os-release
SPEC
rpmbuild -bb --quiet --define "_topdir $R/build/top" --define "_rpmdir $REPOS/release-44" \
  --define "_build_name_fmt %%{NAME}-%%{VERSION}-%%{RELEASE}.%%{ARCH}.rpm" "$R/build/release-44.spec" > /dev/null
createrepo_c --quiet "$REPOS/release-44"
U5=/roots/upgrade5
rm -rf "$R/sid$U5"
cp -a "$R/sid$D5" "$R/sid$U5"
printf '[fedora-44]\nname=Fedora 44 (Preflight test)\nbaseurl=file:///srv/repos/release-44\nenabled=1\ngpgcheck=0\n' \
  > "$R/sid$U5/etc/yum.repos.d/fedora-44.repo"
chroot "$R/sid" dnf5 -y -q --installroot="$U5" system-upgrade download --releasever=44 > "$R/upgrade5.log" 2>&1 \
  || { tail -30 "$R/upgrade5.log" >&2; exit 1; }
test -f "$R/sid$U5/usr/lib/sysimage/libdnf5/offline/offline-transaction-state.toml"

echo "$SUM" > "$R/.complete"
log "test roots ready in $R"
