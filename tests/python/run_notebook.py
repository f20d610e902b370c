"""Execute one notebook with nbconvert (ctest runs this, one test per notebook).

    run_notebook.py NOTEBOOK OUTDIR [NBCONVERT...]

Runs ``NBCONVERT --to notebook --execute`` (default ``jupyter nbconvert``) writing
OUTDIR/<name>.executed.ipynb; the exit status is nbconvert's, so a failing cell fails the
test. There is no "skipped": every C module is wrapped, and a notebook that cannot run fails.
"""
import pathlib
import subprocess
import sys


def main():
    nb = pathlib.Path(sys.argv[1])
    outdir = pathlib.Path(sys.argv[2])
    nbconvert = sys.argv[3:] or ["jupyter", "nbconvert"]
    outdir.mkdir(parents=True, exist_ok=True)
    cmd = [*nbconvert, "--to", "notebook", "--execute",
           "--ExecutePreprocessor.timeout=900", "--ExecutePreprocessor.kernel_name=python3",
           "--output-dir", str(outdir), "--output", nb.stem + ".executed", str(nb)]
    print(" ".join(cmd), flush=True)
    return subprocess.run(cmd, cwd=nb.parent).returncode


if __name__ == "__main__":
    sys.exit(main())
