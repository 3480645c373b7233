import XCTest
@testable import TelescanCore

/// A note written as one bulleted list: its markers masked as spaces; other notes' lists stay.
final class ListMarkerRemnantsTests: XCTestCase {
    func masked(_ s: String) -> String? {
        ListMarkerRemnants.masked(Array(s.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    func testABulletedNoteLosesItsMarkers() {
        XCTAssertEqual(masked("- Video visit from home\n- Consent: verbal\n* Time: 20 min\n• Dana Lee, MD"),
                       "  Video visit from home\n  Consent: verbal\n  Time: 20 min\n    Dana Lee, MD")
        // Indented items; a blank line between them.
        XCTAssertEqual(masked("  - a\n\n  - b\n  + c\n  - d"), "    a\n\n    b\n    c\n    d")
    }

    func testOtherNotesKeepTheirMarkers() {
        // A few items among other lines: the rules read the markers.
        XCTAssertNil(masked("Video visit from home.\nPlan:\n- rest\n- fluids\nConsent: verbal\nTime: 20 min\nDana Lee, MD"))
        // A marker must be followed by a blank: "-5 mg", "--", "**Plan**".
        XCTAssertNil(masked("-5 mg\n--\n**Plan**\n-x\n-y"))
        XCTAssertNil(masked("- a\n- b\n- c"))      // too short to tell
    }
}
