#!/usr/bin/env python3
"""Runs scripts/aws-cli-conformance.sh with the AWS CLI's own driver, in one Python process.

Starting `aws` once per command costs about a second of interpreter start-up on these machines; this
runner executes the same shell script's commands through awscli.clidriver instead (the exact code the
`aws` command runs), so a script of fifty commands takes seconds. It understands only the subset the
script uses: comments, `set`, `export NAME=value`, `NAME=$(aws ...)`, `aws ...`, and one-line
`if [ "$VAR" = value ]; then aws ...; fi`. It keeps going after a failed command, so every command's
result is recorded: one JSON object per command on stdout (line, command, captured variable, rc,
stdout, stderr).

Usage: TARGET=mock AWS_ENDPOINT_URL_EC2=... python3 scripts/aws-cli-batch.py scripts/aws-cli-conformance.sh
"""
import contextlib
import io
import json
import os
import re
import shlex
import sys

from awscli.clidriver import create_clidriver

VAR = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)")


def expand(text, env):
    """Expands $VAR and ${VAR:-default} outside single quotes, as bash would."""
    out, quote, i = [], None, 0
    while i < len(text):
        c = text[i]
        if c == "'" and quote != '"':
            quote = None if quote == "'" else "'"
        elif c == '"' and quote != "'":
            quote = None if quote == '"' else '"'
        elif c == "\\" and quote != "'" and i + 1 < len(text):
            out.append(text[i : i + 2])
            i += 2
            continue
        elif c == "$" and quote != "'":
            m = VAR.match(text, i)
            if m:
                name = m.group(1) or m.group(4)
                value = env.get(name)
                if value in (None, "") and m.group(2):
                    value = m.group(3)
                if value is None:
                    raise KeyError(f"${name} is not set")
                out.append(value)
                i = m.end()
                continue
        out.append(c)
        i += 1
    return "".join(out)


def run_aws(driver, argv):
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        try:
            rc = driver.main(argv)
        except SystemExit as e:  # argparse errors exit
            rc = e.code if isinstance(e.code, int) else 2
    return rc, stdout.getvalue(), stderr.getvalue()


def main(path):
    env = dict(os.environ)
    driver = create_clidriver()
    cond = re.compile(r'^if \[ "\$(\w+)" = "?([\w-]+)"? \]; then (.*); fi$')
    assign = re.compile(r"^(?:export )?([A-Za-z_][A-Za-z0-9_]*)=\$\((.*)\)$")
    export = re.compile(r"^export ([A-Za-z_][A-Za-z0-9_]*)=(.*)$")
    for number, raw in enumerate(open(path, encoding="utf-8"), start=1):
        line = raw.strip()
        if not line or line.startswith("#") or line.startswith("set "):
            continue
        captured = None
        m = cond.match(line)
        if m:
            if env.get(m.group(1)) != m.group(2):
                continue
            line = m.group(3)
        m = assign.match(line)
        if m:
            captured, line = m.group(1), m.group(2)
        elif export.match(line):
            m = export.match(line)
            env[m.group(1)] = shlex.split(expand(m.group(2), env))[0]
            continue
        record = {"line": number, "command": line, "captured": captured}
        try:
            words = shlex.split(expand(line, env))
        except KeyError as e:
            record.update(rc=127, stdout="", stderr=f"not run: {e.args[0]}")
            print(json.dumps(record), flush=True)
            continue
        if not words or words[0] != "aws":
            raise SystemExit(f"{path}:{number}: the batch runner only runs aws commands: {line}")
        rc, out, err = run_aws(driver, words[1:])
        record.update(rc=rc, stdout=out, stderr=err)
        if captured is not None and rc == 0:
            env[captured] = out.strip()
        print(json.dumps(record), flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
