import Foundation

/// Where the site folder lies inside its git repository. Code-scanning tools (GitHub annotations, SARIF, GitLab
/// Code Quality) attach findings to paths relative to the repository root; vorort's findings name files relative
/// to the site, so a site in `sub/` needs `sub/` in front, or the annotations attach to nothing.
public enum RepositoryPath {
    /// The site's path from the repository root with a trailing slash (`sub/`), or "" when the site is the root
    /// or not inside a repository. The root is the nearest folder upwards holding `.git` (a folder, or a file in a
    /// worktree or submodule).
    public static func prefix(ofSite siteRoot: URL) -> String {
        let site = Pipeline.realPath(siteRoot)
        var folder = site
        while true {
            if FileManager.default.fileExists(atPath: (folder == "/" ? "" : folder) + "/.git") {
                guard folder != site else { return "" }
                return String(site.dropFirst(folder == "/" ? 1 : folder.count + 1)) + "/"
            }
            guard folder != "/", let slash = folder.lastIndex(of: "/") else { return "" }
            folder = slash == folder.startIndex ? "/" : String(folder[..<slash])
        }
    }
}
