import XCTest
@testable import TelescanCore

/// A heading that names a face-to-face visit and no remote one makes the note that office visit
/// (`ServiceClassifier`), whatever video or phone its body names.
final class FaceToFaceHeadingTests: XCTestCase {
    func states(_ s: String) -> Bool {
        Array(s.utf8).withUnsafeBufferPointer { FaceToFaceHeading.states($0) }
    }

    func testHeadingsThatNameAnOfficeVisit() {
        XCTAssertTrue(states("Internal Medicine Office Visit\nDate: 09/30/2025\nNext visit by video in 3 months."))
        XCTAssertTrue(states("\n  FAMILY MEDICINE -- OFFICE VISIT (in person)\nDaughter joined by FaceTime."))
        XCTAssertTrue(states("PACT FACE-TO-FACE VISIT - Harlan Springs CBOC\nTeleretinal photos reviewed."))
        XCTAssertTrue(states("ACUPUNCTURE TREATMENT NOTE (in clinic)\nDate: 06/12/2025"))
        // The practice's name first, the note's kind on the line under it.
        XCTAssertTrue(states("Desert Bloom Chiropractic & Wellness\nDaily Treatment Note - Office Visit\n\nDate: 04/02/2025"))
    }

    func testHeadingsThatNameARemoteVisitOrNoVisit() {
        XCTAssertFalse(states("Office visit converted to video\nPt at home."))
        XCTAssertFalse(states("Virtual Clinic - in person follow-up declined\nVideo visit."))
        XCTAssertFalse(states("Face-to-face over the camera app; she's parked in her car.\n"))
        XCTAssertFalse(states("Telephone visit\nLast office visit 03/02."))
        // Only the first line with text, and only a short one (a paragraph is no heading).
        XCTAssertFalse(states("Video visit.\nOffice visit next month."))
        XCTAssertFalse(states(String(repeating: "word ", count: 30) + "office visit\nbody"))
        // A note of one line has no heading.
        XCTAssertFalse(states("Office visit"))
        // "in clinic" unbracketed is where the clinician sat ("TH f/u via A/V. Pt @ home, prov in clinic.").
        XCTAssertFalse(states("Migraine f/u -- VV\nProvider in clinic ofc.\n"))
        XCTAssertFalse(states("New pt. pt at home. I'm in clinic.\nEst care.\n"))
        // Not a "Label: value" row under the name (a template's default), nor under a remote heading.
        XCTAssertFalse(states("Cardiology follow-up - palpitations\nVisit type: Office Visit\nVideo visit."))
        XCTAssertFalse(states("Telehealth - Desert Bloom\nDaily Treatment Note - Office Visit\n"))
    }

    func testANoteTitledAsAnOfficeVisitIsOneThoughItsBodyNamesVideo() throws {
        let scanner = try NoteScanner.forTests()
        let office = scanner.scan(text: "Stroke Clinic - Office Visit (in person)\nDate: 06/18/2025\nSeen in the clinic today with his wife. Established patient.\nBackground: telestroke consult in the ED in March over video. His April follow-up with me was a video visit.\nExam: L hand nearly normal.\nA/P: continue atorvastatin.\nJo Lee, MD")
        XCTAssertEqual(office.service, .inPerson)
        // A switch between technologies still describes a remote visit.
        let switched = scanner.scan(text: "Office visit\nStarted on video; it froze after 5 minutes and we finished the remaining 20 minutes by phone.\nPt at home, agreed to the visit.\nJo Lee, MD")
        XCTAssertEqual(switched.service, .telemedicineVisit)
    }

    /// An office visit by its heading that goes over a monitoring program's readings on a count
    /// of days is that visit, not the monitoring month; a month titled as the program's, with
    /// its management minutes, is still the month.
    func testAnOfficeVisitByItsHeadingIsNoMonitoringMonth() throws {
        let scanner = try NoteScanner.forTests()
        let office = scanner.scan(text: "Heart Clinic - Office Visit\nDate: 03/11/2026\nBack in clinic today. Enrolled in our remote blood pressure monitoring programme since December.\nVitals (in clinic): BP 136/80.\nExam: no edema.\nData: remote cuff average for February 131/79 over 24 days of readings.\nA/P: continue amlodipine.\nTotal time 30 minutes.\nRo Asari, MD")
        XCTAssertEqual(office.service, .inPerson)
        XCTAssertNil(office.elements.deviceDays)
        let month = scanner.scan(text: "Remote Patient Monitoring - Monthly Review\nFebruary 2026\nBP cuff readings on 24 of 28 days, average 131/79.\nCalled the patient on 2/20 to review readings.\nTotal management time this month: 25 minutes.\nRo Asari, MD")
        XCTAssertEqual(month.service, .remoteMonitoring)
        XCTAssertEqual(month.elements.deviceDays?.value, 24)
    }
}
