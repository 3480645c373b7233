#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The developer switches read from the environment (`TELESCAN_WHOLE_NOTE`,
/// `TELESCAN_RULE_PROFILE`, `TELESCAN_STARTUP_PROFILE`): on when set to anything but "" or "0",
/// so `TELESCAN_WHOLE_NOTE=0` or an empty value, as a script may leave it, means off.
public enum EnvironmentSwitch {
    public static func isOn(_ name: String) -> Bool {
        guard let raw = getenv(name) else { return false }
        let value = String(cString: raw)
        return !value.isEmpty && value != "0"
    }
}
