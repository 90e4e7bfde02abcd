import ArgumentParser
import Foundation
import VorortCore
import VorortPreview

@main
struct Vorort: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vorort",
        abstract: "Baut die Integrations-Website eines Landkreises und seiner Gemeinden aus Markdown- und YAML-Dateien.",
        discussion: """
            vorort reads site.yml, content/ and themes/ from a site folder, checks every file and writes a static
            website. Examples:

              vorort check                     check the site in the current folder
              vorort check content/gemeinden/auenstein
                                               report only the findings in these files and folders
              vorort new angebot "Sprachcafé am Markt" --in auenstein
                                               start a new file with every field explained
              vorort build --output public     check, then build into ./public
              vorort report                    what is due for review, per municipality and editor
              vorort serve --open              preview in the browser; pages reload when a file is saved
            """,
        version: "vorort \(VorortVersion.current)",
        subcommands: [Check.self, Build.self, Report.self, New.self, Serve.self]
    )

    /// ArgumentParser exits with 64 on usage errors and 1 on unexpected errors; CI is promised
    /// 0 (clean), 1 (findings of severity error) and 2 (usage or internal problems).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Vorort.exit(withError: error)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(ExitStatus.internalProblem.rawValue)
        }
    }
}

/// Options shared by the subcommands.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder holding site.yml, content/ and themes/.", valueName: "dir"))
    var site: String = "."

    @Option(help: ArgumentHelp(
        "The day dates are compared with (dates later than a few days after it are errors). Default: SOURCE_DATE_EPOCH when set, else the clock (UTC).",
        valueName: "YYYY-MM-DD"))
    var today: String?

    var siteURL: URL { URL(fileURLWithPath: site, isDirectory: true) }

    /// `--today`, else `SOURCE_DATE_EPOCH`, else the clock: worked out once and passed down.
    func buildDate() throws -> CalendarDate {
        do {
            return try BuildDate.resolve(option: today, environment: ProcessInfo.processInfo.environment)
        } catch let problem as BuildDate.Problem {
            throw ValidationError(problem.description)
        }
    }

    func validate() throws {
        _ = try buildDate()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: site, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("Der Ordner '\(site)' existiert nicht (--site).")
        }
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}

/// Exit codes promised to CI: 0 clean, 1 findings of severity error, 2 usage or internal problems.
enum ExitStatus {
    static let findings = ExitCode(1)
    static let internalProblem = ExitCode(2)
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Checks every file of the site and reports each finding with file, line, column and rule.",
        discussion: """
            With paths, the whole site is still checked (references lead everywhere), but only the findings in those
            files and folders are reported and counted, and only their errors make the exit status 1. Paths are taken
            relative to the current folder, else relative to the site folder.

            sarif, github and gitlab name files relative to the git repository's root (the nearest folder upwards
            with .git), so that findings attach when the site is a subfolder; text and json name them relative to
            the site folder.

            Exit status: 0 when no (reported) finding is an error, 1 when at least one is, 2 on usage or internal
            problems (also a path that does not exist or lies outside the site).

            Examples:
              vorort check
              vorort check content/gemeinden/auenstein/angebote/sprachcafe.md
              vorort check --site beispiel-kreis --format json > findings.json
              vorort check --format sarif --help-url https://example.org/vorort/docs/redaktion.md > vorort.sarif
              vorort check --format github      (annotations in a GitHub Actions workflow)
              vorort check --format gitlab > gl-code-quality-report.json   (GitLab Code Quality in merge requests)
            """
    )

    @OptionGroup var options: SiteOptions

    @Argument(help: ArgumentHelp("Files or folders of the site whose findings are reported (default: all).", valueName: "path"))
    var paths: [String] = []

    @Option(help: ArgumentHelp(
        "Output format: text (like a compiler), json (for machines), sarif (SARIF 2.1.0 for code scanning), github (GitHub Actions annotations) or gitlab (GitLab Code Quality report).",
        valueName: "format"))
    var format: DiagnosticFormat = .text

    @Option(name: .customLong("help-url"), help: ArgumentHelp(
        "sarif only: the absolute address of vorort's README or docs/redaktion.md; each rule's helpUri is it with the rule's anchor.",
        valueName: "url"))
    var helpURL: String?

    @Flag(help: "Print how long each stage took, and how many words the wording lint read per second, to standard error.")
    var timings = false

    func run() throws {
        let selection: FileSelection
        do {
            selection = try FileSelection.resolve(paths, siteRoot: options.siteURL,
                                                  currentFolder: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
        } catch {
            FileHandle.standardError.write(Data("vorort check: \(error)\n".utf8))
            throw ExitStatus.internalProblem
        }
        let report = Pipeline.check(siteRoot: options.siteURL, today: try options.buildDate())
        let reported = selection.filter(report.diagnostics)
        let prefix = [.sarif, .github, .gitlab].contains(format) ? RepositoryPath.prefix(ofSite: options.siteURL) : ""
        print(DiagnosticFormatter.format(reported, as: format, filesChecked: selection.fileCount(siteRoot: options.siteURL, all: report.filesChecked),
                                         helpBaseURL: helpURL, wordingRules: report.site?.ruleSet, repositoryPrefix: prefix),
              terminator: "")
        let errorsElsewhere = report.diagnostics.count { $0.severity == .error } - reported.count { $0.severity == .error }
        if errorsElsewhere > 0 {
            fflush(nil)
            FileHandle.standardError.write(Data(
                "Hinweis: Außerhalb der gewählten Dateien hat die Website \(Severity.error.counted(errorsElsewhere)); `vorort check` ohne Pfad zeigt alle.\n".utf8))
        }
        if timings {
            fflush(nil)
            let waited = report.timings.seconds("Sprache (Warten)")
            let rate = report.lintSeconds > 0 ? Int(Double(report.wordsLinted) / report.lintSeconds) : 0
            let withoutLint = report.timings.total - waited
            FileHandle.standardError.write(Data("""
                \(report.timings.detailed); zusammen \(String(format: "%.3f", report.timings.total)) s
                Sprachprüfung: \(report.wordsLinted) Wörter in \(String(format: "%.3f", report.lintSeconds)) s (\(rate) Wörter/s), \
                parallel zu den anderen Prüfungen; sie hat die Prüfung um \(String(format: "%.3f", waited)) s \
                (\(String(format: "%.0f", withoutLint > 0 ? waited / withoutLint * 100 : 0)) %) verlängert

                """.utf8))
        }
        if reported.hasErrors { throw ExitStatus.findings }
    }
}

extension ReviewReport.Format: ExpressibleByArgument {}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lists, per municipality and editorial contact, what is overdue for review, what falls due within 30 days and which translations are older than their original.",
        discussion: """
            The review interval is `reviewInterval` in site.yml (months, default 12); the editorial contact is `editor:`
            in each index.md. Exit status: 0 when the report was made, 1 when the site has errors (run `vorort check`),
            2 on usage or internal problems.

            Examples:
              vorort report
              vorort report --format csv > pruefliste.csv
              vorort report --today 2027-01-15 --format json
            """
    )

    @OptionGroup var options: SiteOptions

    @Option(help: ArgumentHelp("Output format: text (to read), csv (for a spreadsheet) or json.", valueName: "format"))
    var format: ReviewReport.Format = .text

    func run() throws {
        let today = try options.buildDate()
        let report = Pipeline.check(siteRoot: options.siteURL, today: today)
        guard let site = report.site else {
            print(DiagnosticFormatter.format(report.diagnostics.filter { $0.severity == .error }, as: .text, filesChecked: report.filesChecked),
                  terminator: "")
            FileHandle.standardError.write(Data("vorort report: Die Website hat Fehler; beheben Sie sie zuerst, dann entsteht der Bericht.\n".utf8))
            throw ExitStatus.findings
        }
        print(ReviewReport(site: site, today: today).formatted(format), terminator: "")
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Previews the site in the browser: built into memory, rebuilt when a file is saved, pages reload themselves.",
        discussion: """
            Serves the site under the path of its baseURL (e.g. http://127.0.0.1:1313/integration/) and never writes
            output/. Watches site.yml, site.<lang>.yml, content/, themes/ and lint/. While the site has errors every
            page shows them above the last good version; "Sprachhinweise anzeigen" marks the words the wording lint
            found. Only this computer can connect unless --host is given. Stop with Ctrl+C.
            Exit status: 2 when the port is in use or the site folder is missing.
            """
    )

    @OptionGroup var options: SiteOptions

    @Option(help: ArgumentHelp("The port to listen on.", valueName: "port"))
    var port: UInt16 = 1313

    @Option(help: ArgumentHelp("The address to listen on; 127.0.0.1 (this computer only) unless given, e.g. 0.0.0.0 for the local network.", valueName: "address"))
    var host: String = "127.0.0.1"

    @Flag(help: "Open the preview in the browser once it is ready.")
    var open = false

    func run() async throws {
        let preview = PreviewServer.Options(root: options.siteURL, host: host, port: port, today: try options.buildDate())
        let openBrowser = open
        do {
            try await PreviewServer.run(preview, say: { line in
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            }, ready: { url in
                FileHandle.standardOutput.write(Data("Vorschau: \(url)  (beenden mit Strg+C)\n".utf8))
                if openBrowser { Serve.openBrowser(url) }
            })
        } catch let problem as PreviewServer.Problem {
            FileHandle.standardError.write(Data("vorort serve: \(problem.description)\n".utf8))
            throw ExitStatus.internalProblem
        }
    }

    static func openBrowser(_ url: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Checks the site and, if there is no error, writes the website into the output folder.",
        discussion: """
            The new site is written beside the output folder and swapped in at once. When any check reports an \
            error, nothing is written and the previous output stays as it was (exit status 1). vorort only \
            replaces a folder it wrote itself, or an empty one.

            Examples:
              vorort build
              vorort build --site beispiel-kreis --output /var/www/integration
            """
    )

    @OptionGroup var options: SiteOptions

    @Option(help: ArgumentHelp("Where the website is written; relative to the current folder.", valueName: "dir"))
    var output: String = "output"

    @Flag(help: "Print wall and CPU time of each stage to standard error (CPU / wall shows how many cores worked).")
    var timings = false

    func run() throws {
        let outputURL = URL(fileURLWithPath: output, isDirectory: true)
        let started = Date()
        let outcome: BuildOutcome
        do {
            outcome = try Pipeline.build(siteRoot: options.siteURL, output: outputURL, today: try options.buildDate())
        } catch {
            // Messages may quote what a program or a file said: shown with control characters visible, as findings are.
            FileHandle.standardError.write(Data("vorort build: \(Diagnostic.visible(String(describing: error)))\n".utf8))
            throw ExitStatus.internalProblem
        }
        switch outcome {
        case .refused(let report):
            print(DiagnosticFormatter.format(report.diagnostics, as: .text, filesChecked: report.filesChecked), terminator: "")
            FileHandle.standardError.write(Data("vorort build: Fehler gefunden – nichts geschrieben, die bisherige Ausgabe bleibt unverändert.\n".utf8))
            throw ExitStatus.findings
        case .built(let report, let count, let reused, let timings, let searchIndexed):
            if !report.diagnostics.isEmpty {
                print(DiagnosticFormatter.format(report.diagnostics, as: .text, filesChecked: report.filesChecked), terminator: "")
            }
            if !searchIndexed {
                print("Hinweis: Pagefind ist nicht installiert – die Website hat deshalb keine Suche. "
                    + "Installieren mit `python3 -m pip install pagefind-bin`.")
            }
            let seconds = Date().timeIntervalSince(started)
            let unchanged = reused > 0 ? ", davon \(reused) unverändert übernommen" : ""
            print("\(count) Dateien nach \(outputURL.path) geschrieben\(unchanged) in \(String(format: "%.2f", seconds)) s (\(timings.summary)).")
            if self.timings {
                fflush(nil)
                FileHandle.standardError.write(Data("\(timings.detailed)\n".utf8))
            }
            // The process ends here: freeing the site and its findings (tens of megabytes at 10,000 pages, about
            // 20 ms) would only delay the exit. `exit` flushes standard output.
            Foundation.exit(0)
        }
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Writes a new content file with the title, today's date and every field explained in German, and prints its path.",
        discussion: """
            TYPE is one of: \(NewContent.typeNamesForHelp).

            The file name comes from the title as the checks spell names (ä → ae, é → e, spaces → -). Offers, contact
            points and stories need --in: `kreis` for the district or a municipality's folder in content/gemeinden/.
            A page goes to content/seiten/, a municipality gets content/gemeinden/<name>/index.md.

            The title and today's date (reviewed; a story's date) are filled in; required fields stand without a
            value, so `vorort check` reports exactly them (missing-field); recommended ones (editor, contact,
            phone, email) stand empty too and get their warning; every other field is a commented example.
            An existing file, or one whose name differs only in letter case or umlauts, is never replaced.
            The file is UTF-8 without byte order mark, with LF line ends.

            Exit status: 0 when the file was written (its path, relative to the site, on standard output), 2 when not.

            Examples:
              vorort new angebot "Sprachcafé am Markt" --in auenstein
              vorort new contact-point "Migrationsberatung" --in kreis
              vorort new geschichte "Ein Fest für alle" --in birkenfelde
              vorort new seite "Über uns"
              vorort new gemeinde "Bad Sooden"
            """
    )

    @OptionGroup var options: SiteOptions

    @Argument(help: ArgumentHelp("What to create: \(NewContent.typeNamesForHelp).", valueName: "type"))
    var type: String

    @Argument(help: ArgumentHelp("The title (or name); quotes are optional.", valueName: "title"))
    var title: [String] = []

    @Option(name: .customLong("in"), help: ArgumentHelp(
        "Offers, contact points and stories: whose it is, `kreis` or a municipality's folder (required for them).",
        valueName: "kreis|gemeinde"))
    var place: String?

    func run() throws {
        let path: String
        do {
            path = try NewContent.create(typeName: type, title: title.joined(separator: " "), place: place,
                                         siteRoot: options.siteURL, today: try options.buildDate())
        } catch let problem as NewContent.Problem {
            FileHandle.standardError.write(Data("vorort new: \(problem)\n".utf8))
            throw ExitStatus.internalProblem
        }
        print(path)
        fflush(nil)
        let site = options.site == "." ? "" : " --site \(options.site)"
        FileHandle.standardError.write(Data(
            "Angelegt. Füllen Sie die Angaben mit „Pflicht“ aus und prüfen Sie die Datei dann mit: vorort check\(site) \(path)\n".utf8))
    }
}
