import Testing
@testable import VorortCore

/// Runs written left to right on right-to-left pages (`BidiIsolation`).
struct BidiIsolationTests {
    func isolated(_ html: String) -> String { BidiIsolation.isolateLeftToRightRuns(inHTML: html) }

    @Test func phoneNumbersPostcodesTimesDatesAndAddressesAreIsolated() {
        let cases: [(String, String)] = [
            ("الهاتف: 05351 76-310", "الهاتف: <bdi dir=\"ltr\">05351 76-310</bdi>"),
            ("+49 5351 76-310.", "<bdi dir=\"ltr\">+49 5351 76-310</bdi>."),
            ("(05351) 76310", "<bdi dir=\"ltr\">(05351) 76310</bdi>"),
            ("Am Markt 3, 38350 Lindenbrück", "Am Markt 3, <bdi dir=\"ltr\">38350 Lindenbrück</bdi>"),
            ("60311 Frankfurt am Main اليوم", "<bdi dir=\"ltr\">60311 Frankfurt am Main</bdi> اليوم"),
            ("كل يوم 14–18 Uhr", "كل يوم <bdi dir=\"ltr\">14–18 Uhr</bdi>"),
            ("14:00–18:00 و 9.30 Uhr", "<bdi dir=\"ltr\">14:00–18:00</bdi> و <bdi dir=\"ltr\">9.30 Uhr</bdi>"),
            ("في 12.03.2027", "في <bdi dir=\"ltr\">12.03.2027</bdi>"),
            ("12.03.–14.03.2027", "<bdi dir=\"ltr\">12.03.–14.03.2027</bdi>"),
            ("am 12. März 2027.", "am <bdi dir=\"ltr\">12. März 2027</bdi>."),
            ("اكتب إلى info@lindenbrueck.de.", "اكتب إلى <bdi dir=\"ltr\">info@lindenbrueck.de</bdi>."),
            ("(https://www.lindenbrueck.de/a?b=1&amp;c=2)", "(<bdi dir=\"ltr\">https://www.lindenbrueck.de/a?b=1&amp;c=2</bdi>)"),
        ]
        for (text, expected) in cases {
            #expect(isolated("<p>\(text)</p>") == "<p>\(expected)</p>", "\(text)")
        }
    }

    @Test func singleNumbersAndListsStayAsTheyAre() {
        for text in ["عام 2025", "11.240 Personen", "الخط 502", "1, 2, 3", "v2.0", "Version 2.0", "38350", "Markt 3", "Version2.0x 1-2a"] {
            #expect(isolated("<p>\(text)</p>") == "<p>\(text)</p>", "\(text)")
        }
    }

    @Test func tagsAttributesCommentsAndLeftToRightElementsAreNotTouched() {
        let html = """
            <html lang="ar" dir="rtl"><head><title>05351 76-310</title><script type="application/ld+json">{"telephone": "05351 76-310"}</script></head>
            <body><a href="tel:+49535176310" title="05351 76-310"><!-- 05351 76-310 -->05351 76-310</a>
            <div lang="de" dir="ltr"><p>Tel. 05351 76-310</p><p lang="ar" dir="rtl">05351 76-311</p><div><p>14–18 Uhr</p></div></div>
            <p>9–12</p><code>05351 76-310</code><svg><text>05351 76-310</text></svg><bdi dir="ltr">05351 76-310</bdi></body></html>
            """
        let result = isolated(html)
        #expect(result == html
            .replacingOccurrences(of: "-->05351 76-310</a>", with: "--><bdi dir=\"ltr\">05351 76-310</bdi></a>")
            .replacingOccurrences(of: ">05351 76-311<", with: "><bdi dir=\"ltr\">05351 76-311</bdi><")
            .replacingOccurrences(of: "<p>9–12</p>", with: "<p><bdi dir=\"ltr\">9–12</bdi></p>"))
    }

    @Test func textWithoutRunsIsCopiedByteForByte() {
        let html = "<p class=\"x\">مرحبا &amp; أهلا 😀 ä</p><br><img src=\"a.png\" alt=\"05351 76-310\">"
        #expect(isolated(html) == html)
    }
}
