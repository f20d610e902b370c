"""Execute one notebook with nbconvert (ctest runs this, one test per notebook).

    run_notebook.py NOTEBOOK OUTDIR [NBCONVERT...]

Runs ``NBCONVERT --to notebook --execute`` (default ``jupyter nbconvert``) writing
OUTDIR/<name>.executed.ipynb; the exit status is nbconvert's, so a failing cell fails the
test. A notebook may list the C modules it needs in its metadata
(``"regint": {"requires": ["settlement"]}``); if the build lacks one, the script exits 77,
which ctest reports as skipped (SKIP_RETURN_CODE), never as passed.
"""
import json
import pathlib
import subprocess
import sys


def main():
    nb = pathlib.Path(sys.argv[1])
    outdir = pathlib.Path(sys.argv[2])
    nbconvert = sys.argv[3:] or ["jupyter", "nbconvert"]
    meta = json.loads(nb.read_text(encoding="utf-8")).get("metadata", {})
    requires = meta.get("regint", {}).get("requires", [])
    import regint
    missing = [m for m in requires if m not in regint.modules]
    if missing:
        print(f"{nb.name}: skipped, this build lacks the module(s) {', '.join(missing)}")
        return 77
    outdir.mkdir(parents=True, exist_ok=True)
    cmd = [*nbconvert, "--to", "notebook", "--execute",
           "--ExecutePreprocessor.timeout=900", "--ExecutePreprocessor.kernel_name=python3",
           "--output-dir", str(outdir), "--output", nb.stem + ".executed", str(nb)]
    print(" ".join(cmd), flush=True)
    return subprocess.run(cmd, cwd=nb.parent).returncode


if __name__ == "__main__":
    sys.exit(main())
