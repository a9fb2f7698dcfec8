""".doc and .wps files to DOCX through headless LibreOffice (a private profile, a timeout that kills it all)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from pathlib import Path

from briefgen.i18n import _
from briefgen.importer.package import RTF_MAGIC, ImportFault

DEFAULT_TIMEOUT = 120.0  # seconds per file; the first conversion also creates the profile (a few seconds)
WORD_STREAM = "WordDocument".encode("utf-16-le")  # the main stream of a Word 97-2003 binary file
CANDIDATES = ("soffice", "libreoffice", "/Applications/LibreOffice.app/Contents/MacOS/soffice",
              r"C:\Program Files\LibreOffice\program\soffice.exe")


def find_soffice() -> str | None:
    """Return the LibreOffice command: $BRIEFGEN_SOFFICE, else soffice or libreoffice on PATH, else None."""
    explicit = os.environ.get("BRIEFGEN_SOFFICE")
    if explicit:
        return shutil.which(explicit) or (explicit if Path(explicit).is_file() else None)
    for candidate in CANDIDATES:
        if shutil.which(candidate):
            return shutil.which(candidate)
        if os.path.isabs(candidate) and Path(candidate).is_file():
            return candidate
    return None


def read_timeout() -> float:
    """Return the seconds a conversion may take: $BRIEFGEN_SOFFICE_TIMEOUT, else DEFAULT_TIMEOUT."""
    try:
        return max(float(os.environ.get("BRIEFGEN_SOFFICE_TIMEOUT", DEFAULT_TIMEOUT)), 0.1)
    except ValueError:
        return DEFAULT_TIMEOUT


def kill_group(process: subprocess.Popen) -> None:
    """Kill a process and every process it started (its own process group)."""
    try:
        if os.name == "posix":
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()


def run_soffice(args: list[str], shown: str | Path, timeout: float) -> str:
    """Run LibreOffice in a process group of its own; return its output, or raise ImportFault on a timeout."""
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                               start_new_session=os.name == "posix")
    try:
        output, __ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_group(process)
        raise ImportFault(shown, _("LibreOffice did not finish converting the file in {seconds:g} s (some files "
                                   "hang it): open it in Word or WPS, save it as .docx and import that").format(
                                       seconds=timeout)) from None
    except BaseException:
        kill_group(process)
        raise
    if os.name == "posix":  # a helper it left behind in its group
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    return output.decode("utf-8", "replace")


def choose_suffix(path: Path) -> str:
    """Return the suffix LibreOffice should see: .doc for a Word binary file, .rtf for RTF, else the file's own."""
    # WPS Writer's .wps is a Word binary file too, and LibreOffice would take a .wps name for Microsoft Works.
    data = Path(path).read_bytes()
    if data.startswith(RTF_MAGIC):
        return ".rtf"
    if WORD_STREAM in data:
        return ".doc"
    return path.suffix.lower() or ".doc"


def convert_to_docx(path: Path, work: Path, shown: str | Path | None = None) -> Path:
    """Return a DOCX converted from the .doc/.wps ``path`` inside ``work`` (a private profile lives there too)."""
    shown = shown or path
    soffice = find_soffice()
    if soffice is None:
        raise ImportFault(shown, _("reading .doc and .wps files needs LibreOffice, which is not installed: "
                                   "install LibreOffice Writer (e.g. `apt-get install libreoffice-writer-nogui`, "
                                   "or from libreoffice.org), or save the file as .docx in Word or WPS"))
    work.mkdir(parents=True, exist_ok=True)
    index = len(list(work.glob("in-*")))
    source_dir, out_dir = work / f"in-{index}", work / f"out-{index}"
    source_dir.mkdir()
    source = source_dir / ("speech" + choose_suffix(path))
    shutil.copyfile(path, source)  # a plain name: LibreOffice's command line and output naming stay simple
    profile = (work / "profile").resolve().as_uri()
    args = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nologo", "--nodefault",
            "--nolockcheck", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out_dir), str(source)]
    try:
        output = run_soffice(args, shown, read_timeout())
    except OSError as exc:
        raise ImportFault(shown, _("cannot run LibreOffice ({command}): {reason}; reading .doc and .wps files "
                                   "needs LibreOffice, which is not installed: install LibreOffice Writer (e.g. "
                                   "`apt-get install libreoffice-writer-nogui`, or from libreoffice.org), or save "
                                   "the file as .docx in Word or WPS").format(command=soffice,
                                                                              reason=exc.strerror)) from None
    converted = out_dir / (source.stem + ".docx")
    if not converted.is_file() or converted.stat().st_size == 0:
        # TRANSLATORS: in place of what LibreOffice printed, when it printed nothing
        said = " ".join(output.split())[-200:] or _("no output")
        raise ImportFault(shown, _("LibreOffice could not convert the file ({output}): open it in Word or WPS, "
                                   "save it as .docx and import that").format(output=said))
    return converted
