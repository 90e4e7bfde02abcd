import Foundation

/// The files beside the pages: each language's stories feed, and what all languages share once.
extension SiteRenderer {
    /// The Atom feed of the stories in this language.
    var storiesFeed: OutputFile {
        OutputFile(path: models.prefix + OpenData.storiesFeed, text: OpenData.storiesFeed(models, stories: stories))
    }

    /// The open-data export of the offers (`angebote.json`), the largest of the shared files.
    var offersExport: OutputFile {
        // Open data lists every offer, staff offers too (their category says whom they are for); sorted again
        // only when there are staff offers.
        let all = staffOffers.isEmpty ? offers : GermanSorting.sorted(offers + staffOffers, by: \.title)
        // The export's date is the newest review date, so an unchanged site builds byte for byte the same.
        let generated = all.map(\.reviewed).max() ?? CalendarDate(year: 2000, month: 1, day: 1)!
        return OutputFile(path: OpenData.offersFile, data: OpenData.offersJSON(models, offers: all, generated: generated))
    }

    /// The pictures to publish: those the check found in use, or with checks deferred to rendering those the bodies
    /// used (after every page rendered, and `BodyHTML.checkRemainingBodies`).
    var publishedPictures: Set<String> {
        guard let deferred = models.bodies.deferred else { return assets }
        return BodyChecker.publishedPictures(deferred.all.values, storyPictures: content.stories.compactMap { $0.image?.file })
    }

    /// The kinds of files written once for all languages, so an incremental build can renew only those an edit touches.
    enum SharedPart: Sendable, CaseIterable {
        case copies, sitemap, offers, calendars, figures, robots, events
    }

    /// The shared files of `parts`, collected.
    func sharedFiles(records: [PageRecord], parts: Set<SharedPart> = Set(SharedPart.allCases)) -> [OutputFile] {
        var files: [OutputFile] = []
        try? sharedFiles(records: records, parts: parts) { files += $0 }
        return files
    }

    /// Pictures, theme files, sitemap, robots.txt and the open-data downloads: once for all languages. Handed to
    /// `emit` in parts, so the large ones (the offers' export, the calendars) are not all held at once.
    func sharedFiles(records: [PageRecord], parts: Set<SharedPart> = Set(SharedPart.allCases), emit: ([OutputFile]) throws -> Void) throws {
        var files: [OutputFile] = []
        if parts.contains(.copies) {
            for asset in publishedPictures.sorted() {
                files.append(OutputFile(path: Routes.asset(forContentFile: asset), copyOf: root.appendingPathComponent(asset)))
            }
            for file in theme.staticFiles {
                files.append(OutputFile(path: Routes.assets + file.path, copyOf: file.url))
            }
        }
        if parts.contains(.sitemap) {
            files.append(OutputFile(path: Routes.sitemap, text: Sitemap.xml(records, baseURL: config.baseURL)))
        }
        if parts.contains(.figures) {
            for facts in content.facts {
                files.append(OutputFile(path: Routes.factsCSV(facts.owner), text: Figures.csv(
                    facts, ownerName: index.ownerName(facts.owner), minimumCount: config.minimumCount, licence: config.dataLicence)))
            }
        }
        if parts.contains(.robots) {
            files.append(OutputFile(path: Routes.robots, text: "User-agent: *\nAllow: /\n\nSitemap: \(config.baseURL)\(Routes.sitemap)\n"))
        }
        try emit(files)
        if parts.contains(.offers) { try emit([offersExport]) }
        if parts.contains(.events) {
            // Open data and calendars stay German, like the offers' export.
            var files = [OutputFile(path: Routes.eventsFile, data: EventsExport.json(models, events: events.all))]
            files += events.all.map { event in
                OutputFile(path: Routes.eventCalendar(event), text: EventCalendar.ics([event], name: event.title, models: models))
            }
            files += owners.map { owner in
                OutputFile(path: Routes.eventsFeed(owner), text: EventCalendar.ics(
                    events.feed(for: owner, config: config, municipalities: content.municipalities),
                    name: "Termine: " + index.ownerName(owner), models: models))
            }
            files.append(OutputFile(path: Routes.eventsForStaffFeed, text: EventCalendar.ics(
                events.forFeed(events.staffUpcoming + events.staffPast), name: "Termine für Haupt- und Ehrenamt: " + config.district, models: models)))
            try emit(files)
        }
        if parts.contains(.calendars) {
            try emit(owners.filter(hasCalendar).map { owner in
                OutputFile(path: Calendar.file(for: owner),
                           text: Calendar.ics(offers: offers(of: owner), ownerName: index.ownerName(owner), models: models))
            })
        }
    }
}
