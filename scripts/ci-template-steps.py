#!/usr/bin/env python3
"""Runs the shell steps of docs/ci/gitlab-ci.yml and docs/ci/github-workflow.yml on this machine.

Called by scripts/ci-template-steps.sh, which prepares the release archive and a district repository (a git
repository with the sample). The commands come from the YAML files themselves, so template and test cannot drift:
each GitLab job runs its before_script and script in one bash (as the runner does, with `set -eo pipefail`) in a
fresh clone of the repository; each GitHub step runs in its own bash with $GITHUB_ENV and $GITHUB_PATH applied
between steps. Job and step conditions (rules, if) are evaluated for a simulated pipeline; an expression this
small evaluator does not know is an error rather than a guess. What cannot run here (apt-get, actions such as
upload-artifact and deploy-pages, the GitLab Pages server) is skipped and named in the output.
"""
import json
import os
import re
import shutil
import subprocess
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GITLAB = os.path.join(ROOT, "docs/ci/gitlab-ci.yml")
GITHUB = os.path.join(ROOT, "docs/ci/github-workflow.yml")


def fail(message):
    print(f"ci-template-steps: FEHLER: {message}", file=sys.stderr)
    sys.exit(1)


def flatten(items):
    out = []
    for item in items or []:
        out.extend(flatten(item) if isinstance(item, list) else [item])
    return out


# --- GitLab ---------------------------------------------------------------------------------------------------

def gitlab_condition(expression, env):
    """`$A == "x"`, `$A == $B`, `$A != …`, `$A` (set and not empty), joined by `&&`."""
    def value(token):
        token = token.strip()
        if token.startswith("$"):
            return env.get(token[1:], None)
        if len(token) >= 2 and token[0] == token[-1] and token[0] in "\"'":
            return token[1:-1]
        fail(f"unknown GitLab rules operand {token!r} in {expression!r}")
    result = True
    for part in expression.split("&&"):
        match = re.fullmatch(r"\s*(\S+)\s*(==|!=)\s*(\S+)\s*", part)
        if match:
            left, op, right = value(match[1]), match[2], value(match[3])
            result = result and ((left == right) if op == "==" else (left != right))
        elif re.fullmatch(r"\s*\$\w+\s*", part):
            result = result and bool(value(part))
        else:
            fail(f"unknown GitLab rules expression {expression!r}")
    return result


def gitlab_rules(rules, env):
    """True when the first matching rule does not say `when: never`; no rules means always."""
    if rules is None:
        return True
    for rule in rules:
        if "if" not in rule or gitlab_condition(rule["if"], env):
            return rule.get("when", "on_success") != "never"
    return False


def gitlab_job(config, name):
    job = dict(config[name])
    parent = job.pop("extends", None)
    if parent:
        merged = dict(config[parent])
        merged.update(job)
        job = merged
    return job


def run_gitlab(config, pipeline_env, repo, work, expected_jobs, overrides):
    env = dict(pipeline_env)
    for key, val in (config.get("variables") or {}).items():
        env.setdefault(key, str(val))
    env.update(overrides)
    if not gitlab_rules(config["workflow"]["rules"], env):
        fail("the workflow rules start no pipeline")
    jobs = [name for name, job in config.items()
            if isinstance(job, dict) and not name.startswith(".") and "stage" in job and gitlab_rules(job.get("rules"), env)]
    jobs.sort(key=lambda name: config["stages"].index(config[name]["stage"]))
    print(f"GitLab, {describe(pipeline_env)}: jobs {jobs}")
    if jobs != expected_jobs:
        fail(f"expected the jobs {expected_jobs}, the rules chose {jobs}")
    results = {}
    artifacts = {}
    for name in jobs:
        job = gitlab_job(config, name)
        folder = os.path.join(work, f"gitlab-{env['CI_PIPELINE_SOURCE']}-{name}")
        clone(repo, folder, env.get("CI_COMMIT_REF_NAME"))
        for needed in job.get("needs", []):
            for path in artifacts.get(needed, []):
                shutil.copytree(os.path.join(artifacts_root(work, needed), path), os.path.join(folder, path))
        os.makedirs(folder + ".tmp", exist_ok=True)
        job_env = dict(env, CI_PROJECT_DIR=folder, CI_JOB_NAME=name, CI_JOB_ID=str(1000 + len(results)), TMPDIR=folder + ".tmp")
        lines = flatten(job.get("before_script")) + flatten(job.get("script"))
        status = run_bash("set -eo pipefail\n" + "\n".join(lines), folder, job_env, f"{name}")
        results[name] = (status, folder)
        paths = [p.rstrip("/") for p in (job.get("artifacts") or {}).get("paths", [])]
        artifacts[name] = [p for p in paths if os.path.exists(os.path.join(folder, p))]
        store = artifacts_root(work, name)
        shutil.rmtree(store, ignore_errors=True)
        for path in artifacts[name]:
            source = os.path.join(folder, path)
            target = os.path.join(store, path)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            (shutil.copytree if os.path.isdir(source) else shutil.copy)(source, target)
        allowed = job.get("allow_failure", False)
        if status != 0 and not allowed:
            print(f"  job {name} failed with exit status {status}: later stages do not run")
            break
    return results


def artifacts_root(work, job):
    return os.path.join(work, "artifacts", job)


# --- GitHub ---------------------------------------------------------------------------------------------------

def github_condition(expression, context):
    """`a == 'x'`, `a != 'x'` with a from the context, joined by `&&`."""
    result = True
    for part in expression.split("&&"):
        match = re.fullmatch(r"\s*([\w.]+)\s*(==|!=)\s*'([^']*)'\s*", part)
        if not match or match[1] not in context:
            fail(f"unknown GitHub Actions expression {expression!r}")
        left = context[match[1]]
        result = result and ((left == match[3]) if match[2] == "==" else (left != match[3]))
    return result


def github_expand(text, context):
    def replace(match):
        key = match[1].strip()
        if key not in context:
            fail(f"unknown GitHub Actions expression ${{{{ {key} }}}}")
        return context[key]
    return re.sub(r"\$\{\{(.*?)\}\}", replace, str(text))


def run_github(workflow, context, repo, work, expected_jobs):
    env_base = {key: github_expand(val, context) for key, val in (workflow.get("env") or {}).items()}
    jobs = [name for name, job in workflow["jobs"].items() if "if" not in job or github_condition(job["if"], context)]
    print(f"GitHub, {context['github.event_name']} on {context['github.ref']}: jobs {jobs}")
    if jobs != expected_jobs:
        fail(f"expected the jobs {expected_jobs}, the conditions chose {jobs}")
    results = {}
    for name in jobs:
        job = workflow["jobs"][name]
        folder = os.path.join(work, f"github-{context['github.event_name']}-{name}")
        temp = folder + ".runner-temp"
        shutil.rmtree(temp, ignore_errors=True)
        os.makedirs(temp)
        files = {key: os.path.join(temp, key.lower()) for key in ("GITHUB_ENV", "GITHUB_PATH", "GITHUB_STEP_SUMMARY")}
        for path in files.values():
            open(path, "w").close()
        status = 0
        ran = []
        for step in job.get("steps", []):
            label = step.get("name") or step.get("uses")
            if "if" in step and not github_condition(step["if"], context):
                continue
            if "uses" in step:
                if step["uses"].startswith("actions/checkout@"):
                    clone(repo, folder, None)
                    ran.append(f"({step['uses']}: git clone)")
                else:
                    ran.append(f"({step['uses']}: not run here)")
                continue
            env = dict(os.environ)
            env.update(env_base)
            env.update({key: github_expand(val, context) for key, val in (step.get("env") or {}).items()})
            env.update(files, RUNNER_TEMP=temp, GITHUB_WORKSPACE=folder)
            for line in open(files["GITHUB_ENV"]).read().splitlines():
                key, _, val = line.partition("=")
                env[key] = val
            paths = [line for line in open(files["GITHUB_PATH"]).read().splitlines() if line]
            env["PATH"] = ":".join(list(reversed(paths)) + [env["PATH"]])
            ran.append(label)
            status = run_bash("set -eo pipefail\n" + step["run"], folder, env, f"{name}: {label}")
            if status != 0:
                break
        print(f"  {name}: {ran}")
        results[name] = (status, folder, open(files["GITHUB_STEP_SUMMARY"]).read())
        if status != 0:
            break
    return results


# --- shared ---------------------------------------------------------------------------------------------------

def describe(env):
    return f"{env['CI_PIPELINE_SOURCE']} on {env.get('CI_COMMIT_REF_NAME')}"


def clone(repo, folder, branch):
    shutil.rmtree(folder, ignore_errors=True)
    command = ["git", "clone", "-q"] + (["--branch", branch] if branch else []) + [repo, folder]
    subprocess.run(command, check=True)


def run_bash(script, cwd, env, label):
    completed = subprocess.run(["bash", "-c", script], cwd=cwd, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    log = os.path.join(cwd + ".log")
    with open(log, "a") as out:
        out.write(f"$ [{label}]\n{completed.stdout}\n(exit {completed.returncode})\n")
    print(f"  {label}: exit {completed.returncode} (log: {log})")
    return completed.returncode


def expect(condition, message):
    if not condition:
        fail(message)


def main():
    repo, work, archive = sys.argv[1], sys.argv[2], sys.argv[3]
    sha256 = open(archive + ".sha256").read().strip()
    url = "file://" + archive
    commit_time = subprocess.run(["git", "-C", repo, "log", "-1", "--format=%cI", "main"], check=True,
                                 stdout=subprocess.PIPE, text=True).stdout.strip()
    local = {"VORORT_URL": url, "VORORT_SHA256": sha256, "VORORT_INSTALL_DIR": os.path.join(work, "bin")}
    gitlab = yaml.safe_load(open(GITLAB))
    github = yaml.safe_load(open(GITHUB))
    base = dict(os.environ, CI="true", GITLAB_CI="true", CI_DEFAULT_BRANCH="main", CI_COMMIT_TIMESTAMP=commit_time,
                CI_PROJECT_PATH="landkreis-lindenbrueck/redaktion/integration", CI_PROJECT_ROOT_NAMESPACE="Landkreis-Lindenbrueck",
                CI_PAGES_DOMAIN="pages.example.org", CI_PAGES_URL="https://landkreis-lindenbrueck.pages.example.org/integration")

    # 1. GitLab, a push to the default branch: check, build, Pages.
    env = dict(base, CI_PIPELINE_SOURCE="push", CI_COMMIT_BRANCH="main", CI_COMMIT_REF_NAME="main", CI_COMMIT_REF_SLUG="main")
    results = run_gitlab(gitlab, env, repo, work, ["pruefen", "bauen", "pages"], local)
    status, folder = results["pruefen"]
    expect(status == 0, "pruefen failed on the sample")
    report = json.load(open(os.path.join(folder, "gl-code-quality-report.json")))
    # Infos such as review-overdue depend on the day; errors must not be there.
    expect(not any(item["severity"] in ("major", "critical", "blocker") for item in report),
           f"the sample's Code Quality report has errors: {report[:2]}")
    expect(all(results[job][0] == 0 for job in ("bauen", "pages")), "bauen or pages failed")
    pages = os.path.join(artifacts_root(work, "pages"), "public")
    for path in ("index.html", "404.html", "assets/style.css", "sitemap.xml", "gemeinden/index.html"):
        expect(os.path.isfile(os.path.join(pages, path)), f"the Pages artifact lacks public/{path}")
    expect('href="/integration/assets/style.css"' in open(os.path.join(pages, "index.html")).read(),
           "the Pages site does not use the baseURL's path /integration/")

    # 2. GitLab, a merge request with a mistake: the check fails and the report names file, line and rule.
    env = dict(base, CI_PIPELINE_SOURCE="merge_request_event", CI_COMMIT_REF_NAME="kaputt", CI_COMMIT_REF_SLUG="kaputt",
               CI_MERGE_REQUEST_IID="7", CI_OPEN_MERGE_REQUESTS="landkreis-lindenbrueck/redaktion/integration!7")
    results = run_gitlab(gitlab, env, repo, work, ["pruefen", "vorschau"], local)
    status, folder = results["pruefen"]
    expect(status == 1, f"pruefen should fail with exit 1 on a broken file, got {status}")
    expect("vorschau" not in results, "vorschau ran although pruefen failed")
    report = json.load(open(os.path.join(folder, "gl-code-quality-report.json")))
    expect(any(item["location"]["path"].endswith("sprachcafe-am-markt.md") and item["location"]["lines"]["begin"] == 3
               and item["severity"] in ("major", "critical", "blocker") and item["fingerprint"] for item in report),
           f"the Code Quality report does not point at the mistake: {report}")
    expect(os.path.isfile(artifacts_root(work, "pruefen") + "/gl-code-quality-report.json"),
           "the report is not kept as an artifact when the check fails")

    # 3. GitLab, a good merge request: check, then the preview built for its artifact address.
    env.update(CI_COMMIT_REF_NAME="neues-angebot", CI_COMMIT_REF_SLUG="neues-angebot")
    results = run_gitlab(gitlab, env, repo, work, ["pruefen", "vorschau"], local)
    expect(all(status == 0 for status, _ in results.values()), "pruefen or vorschau failed on a good merge request")
    status, folder = results["vorschau"]
    preview_env = open(os.path.join(folder, "vorschau.env")).read()
    expected_url = "https://landkreis-lindenbrueck.pages.example.org/-/redaktion/integration/-/jobs/1001/artifacts/public/"
    expect(preview_env.strip() == f"PREVIEW_URL={expected_url}index.html", f"unexpected vorschau.env: {preview_env!r}")
    index = open(os.path.join(folder, "public/index.html")).read()
    expect('href="/-/redaktion/integration/-/jobs/1001/artifacts/public/assets/style.css"' in index,
           "the preview's links do not start with its artifact path")

    # 4. GitHub, a push to main: check with annotations, build, upload for Pages, deploy.
    context = {"github.event_name": "push", "github.ref": "refs/heads/main", "vars.VORORT_URL": url,
               "vars.VORORT_SHA256": sha256, "github.event.number": "", "steps.vorschau.outputs.artifact-url": ""}
    results = run_github(github, context, repo, work, ["pruefen", "bauen", "veroeffentlichen"])
    expect(all(result[0] == 0 for result in results.values()), "a GitHub job failed on the sample")
    expect("0 Fehler" in results["pruefen"][2], "the job summary lacks the check's result")
    expect(os.path.isfile(os.path.join(results["bauen"][1], "public/index.html")), "bauen wrote no public/index.html")

    # 5. GitHub, a pull request with a mistake: annotations, exit 1.
    context.update({"github.event_name": "pull_request", "github.ref": "refs/pull/7/merge", "github.event.number": "7",
                    "steps.vorschau.outputs.artifact-url": "https://github.example/artifacts/42"})
    subprocess.run(["git", "-C", repo, "checkout", "-q", "kaputt"], check=True)
    results = run_github(github, context, repo, work, ["pruefen", "bauen"])
    status, folder, summary = results["pruefen"]
    log = open(folder + ".log").read()
    expect(status == 1, f"pruefen should fail on a broken file, got {status}")
    expect(re.search(r"::error file=content/gemeinden/lindenbrueck/angebote/sprachcafe-am-markt\.md,line=3,", log),
           "no GitHub annotation for the mistake")
    expect("bauen" not in results, "bauen ran although pruefen failed")

    # 6. GitHub, a good pull request: build and the preview's summary.
    subprocess.run(["git", "-C", repo, "checkout", "-q", "neues-angebot"], check=True)
    results = run_github(github, context, repo, work, ["pruefen", "bauen"])
    expect(all(result[0] == 0 for result in results.values()), "a GitHub job failed on a good pull request")
    summary = results["bauen"][2]
    expect("[Vorschau herunterladen](https://github.example/artifacts/42)" in summary, f"no preview link: {summary}")
    expect("http://localhost:8000/integration/" in summary and "/tmp/vorschau/integration" in summary,
           f"the preview instructions do not name the base path: {summary}")
    subprocess.run(["git", "-C", repo, "checkout", "-q", "main"], check=True)
    print("ci-template-steps: GitLab and GitHub steps passed.")


if __name__ == "__main__":
    main()
