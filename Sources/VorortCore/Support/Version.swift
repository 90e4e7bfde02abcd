/// vorort's version, in this one place: `vorort --version`, SARIF's `tool.driver.version` and the GitLab Code
/// Quality report read it. Raise it with each release.
public enum VorortVersion {
    public static let current = "0.1.0"
}
