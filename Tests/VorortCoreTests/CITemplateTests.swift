import Foundation
import Testing

/// The CI templates for a district's repository (docs/ci/): their structure, read with a YAML parser, and their
/// steps run on this machine by scripts/ci-template-steps.sh with the vorort built for the tests.
@Suite("CI templates for a district's repository")
struct CITemplateTests {
    /// The templates as JSON, read by PyYAML (GitHub's `on:` is YAML 1.1's `true` there, and is put back).
    static func templates() throws -> [String: Any] {
        let script = """
            import json, sys, yaml
            gitlab = yaml.safe_load(open(sys.argv[1]))
            github = yaml.safe_load(open(sys.argv[2]))
            if True in github: github["on"] = github.pop(True)
            print(json.dumps({"gitlab": gitlab, "github": github}))
            """
        let root = TestSupport.packageRoot.path
        let result = try TestSupport.python(script, ["\(root)/docs/ci/gitlab-ci.yml", "\(root)/docs/ci/github-workflow.yml"])
        try #require(result.status == 0, "PyYAML could not read the templates: \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test("GitLab: stages check → build → deploy, Code Quality report, Pages on the default branch, a preview per merge request")
    func gitlabStructure() throws {
        let gitlab = try #require(try Self.templates()["gitlab"] as? [String: Any])
        #expect(gitlab["stages"] as? [String] == ["check", "build", "deploy"])
        #expect((gitlab["default"] as? [String: Any])?["image"] as? String == "debian:bookworm-slim")
        func job(_ name: String) throws -> [String: Any] { try #require(gitlab[name] as? [String: Any], "no job \(name)") }
        func ifs(_ job: [String: Any]) -> [String] { (job["rules"] as? [[String: Any]] ?? []).compactMap { $0["if"] as? String } }
        let defaultBranch = "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"
        let mergeRequest = "$CI_PIPELINE_SOURCE == \"merge_request_event\""

        let check = try job("pruefen")
        #expect(check["stage"] as? String == "check")
        #expect(check["rules"] == nil, "the check runs in every pipeline")
        let checkArtifacts = try #require(check["artifacts"] as? [String: Any])
        #expect(checkArtifacts["when"] as? String == "always", "the report is kept when the check fails")
        #expect((checkArtifacts["reports"] as? [String: Any])?["codequality"] as? String == "gl-code-quality-report.json")

        let build = try job("bauen")
        #expect(build["stage"] as? String == "build")
        #expect(ifs(build) == [defaultBranch])
        #expect((build["artifacts"] as? [String: Any])?["paths"] as? [String] == ["public/"])

        let pages = try job("pages")
        #expect(pages["stage"] as? String == "deploy")
        #expect(ifs(pages) == [defaultBranch])
        #expect(pages["needs"] as? [String] == ["bauen"])
        #expect((pages["artifacts"] as? [String: Any])?["paths"] as? [String] == ["public/"])

        let preview = try job("vorschau")
        #expect(ifs(preview) == [mergeRequest])
        let previewArtifacts = try #require(preview["artifacts"] as? [String: Any])
        #expect(previewArtifacts["expose_as"] as? String == "Vorschau")
        #expect((previewArtifacts["reports"] as? [String: Any])?["dotenv"] as? String == "vorschau.env")
        let environment = try #require(preview["environment"] as? [String: Any])
        #expect(environment["name"] as? String == "review/$CI_COMMIT_REF_SLUG")
        #expect(environment["url"] as? String == "$PREVIEW_URL")

        // Every job that runs vorort installs it from VORORT_URL and checks VORORT_SHA256 first.
        for name in ["pruefen", "bauen", "vorschau"] {
            #expect(try job(name)["extends"] as? String == ".vorort")
        }
        let install = try #require((gitlab[".vorort"] as? [String: Any])?["before_script"] as? [String]).joined(separator: "\n")
        #expect(install.contains("sha256sum -c"))
        #expect(install.contains("SOURCE_DATE_EPOCH"))
        // A scheduled (nightly) pipeline builds with the real day, so that past events move to the archive.
        #expect(install.contains("\"$CI_PIPELINE_SOURCE\" = schedule") && install.contains("date +%s"))
        let workflow = try #require((gitlab["workflow"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(workflow.first?["if"] as? String == mergeRequest)
    }

    @Test("GitHub: annotations, build, Pages on main, a preview artifact per pull request")
    func githubStructure() throws {
        let github = try #require(try Self.templates()["github"] as? [String: Any])
        let on = try #require(github["on"] as? [String: Any])
        #expect((on["push"] as? [String: Any])?["branches"] as? [String] == ["main"])
        #expect(on.keys.contains("pull_request"))
        // Every night, with the real day: past events leave the lists without a commit.
        #expect((on["schedule"] as? [[String: String]])?.first?["cron"] != nil)
        #expect((github["permissions"] as? [String: String]) == ["contents": "read"])
        let jobs = try #require(github["jobs"] as? [String: [String: Any]])
        #expect(Set(jobs.keys) == ["pruefen", "bauen", "veroeffentlichen"])
        func steps(_ job: String) -> [[String: Any]] { jobs[job]?["steps"] as? [[String: Any]] ?? [] }
        func uses(_ job: String) -> [String] { steps(job).compactMap { $0["uses"] as? String } }
        func runs(_ job: String) -> String { steps(job).compactMap { $0["run"] as? String }.joined(separator: "\n") }

        #expect(runs("pruefen").contains("--format github"))
        #expect(jobs["bauen"]?["needs"] as? String == "pruefen")
        #expect(runs("bauen").contains("vorort build --site \"$VORORT_SITE\" --output public"))
        #expect(uses("bauen").contains("actions/upload-pages-artifact@v3"))
        let previewUpload = steps("bauen").first { ($0["uses"] as? String)?.hasPrefix("actions/upload-artifact@") == true }
        #expect(previewUpload?["if"] as? String == "github.event_name == 'pull_request'")

        let deploy = try #require(jobs["veroeffentlichen"])
        #expect(deploy["if"] as? String == "github.ref == 'refs/heads/main' && github.event_name != 'pull_request'")
        #expect((deploy["permissions"] as? [String: String]) == ["pages": "write", "id-token": "write"])
        #expect((deploy["environment"] as? [String: Any])?["name"] as? String == "github-pages")
        #expect(uses("veroeffentlichen") == ["actions/deploy-pages@v4"])

        // Both jobs install vorort with the very same step.
        let installs = ["pruefen", "bauen"].map { job in steps(job).first { $0["name"] as? String == "vorort installieren" }?["run"] as? String }
        #expect(installs[0] != nil && installs[0] == installs[1])
        #expect(installs[0]?.contains("sha256sum -c") == true && installs[0]?.contains("SOURCE_DATE_EPOCH") == true)
        #expect(installs[0]?.contains("\"$GITHUB_EVENT_NAME\" = schedule") == true)
    }

    @Test("The templates' steps and the pre-commit hook run on this machine (scripts/ci-template-steps.sh)")
    func stepsRunHere() throws {
        let script = TestSupport.packageRoot.appendingPathComponent("scripts/ci-template-steps.sh").path
        let result = try TestSupport.execute(URL(fileURLWithPath: "/bin/bash"),
                                             ["-c", "\"$0\" \"$1\" 2>&1", script, TestSupport.executable.path])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("ci-template-steps: GitLab and GitHub steps passed."))
        #expect(result.stdout.contains("pre-commit hook: good change passed, broken change stopped"))
    }
}
