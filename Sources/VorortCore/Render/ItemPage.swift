/// A content type whose items have a page each. The conformance stands beside the page's data in `Pages/`
/// (`extension Offer: ItemPage`); the site lists and routes these pages from the declarations, so a new type
/// with pages needs its declaration, this conformance and a template.
protocol ItemPage: ContentItem {
    func page(in renderer: SiteRenderer) -> PageContent
}

extension Municipality: ItemPage {
    func page(in renderer: SiteRenderer) -> PageContent { renderer.municipalityPage(self) }
}

extension Offer: ItemPage {
    func page(in renderer: SiteRenderer) -> PageContent { renderer.offerPage(self) }
}

extension ContactPoint: ItemPage {
    func page(in renderer: SiteRenderer) -> PageContent { renderer.contactPointPage(self) }
}

extension Story: ItemPage {
    func page(in renderer: SiteRenderer) -> PageContent { renderer.storyPage(self) }
}

extension Page: ItemPage {
    func page(in renderer: SiteRenderer) -> PageContent { renderer.contentPage(self) }
}
