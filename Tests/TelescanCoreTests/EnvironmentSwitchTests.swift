import XCTest
import TelescanCore

/// A developer switch left empty or set to 0 by a script is off (TELESCAN_WHOLE_NOTE= used to
/// turn whole-note mode on, which could make a comparison compare a run with itself).
final class EnvironmentSwitchTests: XCTestCase {
    func testOnlyAValueOtherThanEmptyOrZeroTurnsASwitchOn() {
        let name = "TELESCAN_TEST_SWITCH"
        defer { unsetenv(name) }
        unsetenv(name)
        XCTAssertFalse(EnvironmentSwitch.isOn(name))
        for (value, on) in [("", false), ("0", false), ("1", true), ("yes", true)] {
            setenv(name, value, 1)
            XCTAssertEqual(EnvironmentSwitch.isOn(name), on, "'\(value)'")
        }
    }
}
