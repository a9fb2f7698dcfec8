"""Fetching the pinned archives (npm pack, apt-get download, else HTTPS) and unpacking them."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import tarfile
import urllib.request
from pathlib import Path

from fontbuild.sources import SOURCES


def sha256_file(path: Path) -> str:
    """The hex SHA-256 of a file's bytes."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def default_cache_dir() -> Path:
    """Where downloads are kept: $BRIEFGEN_FONT_CACHE, else $XDG_CACHE_HOME/briefgen-fonts."""
    if os.environ.get("BRIEFGEN_FONT_CACHE"):
        return Path(os.environ["BRIEFGEN_FONT_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "briefgen-fonts"


def _download(url: str, dest: Path) -> None:
    """Download ``url`` to ``dest`` through a .part file."""
    tmp = dest.with_suffix(dest.suffix + ".part")
    with urllib.request.urlopen(url, timeout=120) as r, open(tmp, "wb") as f:
        shutil.copyfileobj(r, f)
    tmp.replace(dest)


def fetch(key: str, cache: Path) -> Path:
    """Return the path of the pinned archive for SOURCES[key], downloading it if needed."""
    src = SOURCES[key]
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / src["archive"]
    if path.exists() and sha256_file(path) == src["sha256"]:
        return path
    path.unlink(missing_ok=True)
    spec = f"{src['package']}@{src['version']}" if src["registry"] == "npm" else f"{src['package']}={src['version']}"
    tried = []
    if src["registry"] == "npm" and shutil.which("npm"):
        cmd = ["npm", "pack", spec, "--pack-destination", str(cache), "--silent"]
    elif src["registry"] == "debian" and shutil.which("apt-get"):
        cmd = ["apt-get", "download", "-q", spec]
    else:
        cmd = None
    if cmd:
        print(f"  fetching {spec}: {' '.join(cmd)}", flush=True)
        res = subprocess.run(cmd, cwd=cache, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if res.returncode != 0 or not path.exists():
            tried.append(f"{cmd[0]} failed: {res.stderr.strip()[-300:]}")
    if not path.exists():
        print(f"  fetching {spec}: {src['url']}", flush=True)
        try:
            _download(src["url"], path)
        except OSError as e:
            tried.append(f"download failed: {e}")
    if not path.exists():
        raise SystemExit(f"could not fetch {spec}: {'; '.join(tried)}")
    digest = sha256_file(path)
    if digest != src["sha256"]:
        raise SystemExit(f"{path}: sha256 {digest} != pinned {src['sha256']}")
    return path


def _deb_data_tar(deb: Path) -> tarfile.TarFile:
    """Open the data.tar.* member of a .deb (an ar archive) without dpkg-deb."""
    data = deb.read_bytes()
    if not data.startswith(b"!<arch>\n"):
        raise ValueError(f"{deb} is not an ar archive")
    pos = 8
    while pos + 60 <= len(data):
        header = data[pos:pos + 60]
        name = header[:16].decode().strip().rstrip("/")
        size = int(header[48:58].decode().strip())
        body = data[pos + 60:pos + 60 + size]
        if name.startswith("data.tar"):
            if name.endswith(".zst"):
                raise SystemExit(f"{deb}: zstd data member needs dpkg-deb")
            return tarfile.open(fileobj=io.BytesIO(body), mode="r:*")
        pos += 60 + size + (size & 1)
    raise ValueError(f"{deb}: no data.tar member")


def unpack(key: str, archive: Path, workdir: Path) -> Path:
    """Unpack an archive into workdir/key and return that directory."""
    dest = workdir / key
    if dest.exists():
        return dest
    dest.mkdir(parents=True)
    if SOURCES[key]["registry"] == "npm":
        with tarfile.open(archive, "r:gz") as tf:
            tf.extractall(dest, filter="data") if hasattr(tarfile, "data_filter") else tf.extractall(dest)
    elif shutil.which("dpkg-deb"):
        subprocess.run(["dpkg-deb", "-x", str(archive), str(dest)], check=True)
    else:
        with _deb_data_tar(archive) as tf:
            tf.extractall(dest, filter="data") if hasattr(tarfile, "data_filter") else tf.extractall(dest)
    return dest
