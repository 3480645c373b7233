import XCTest
@testable import TelescanCore

/// A correction by the note's author (`Lexicons/context/correction.yaml`) replaces what the
/// note said before of the elements it restates; what it does not restate stays, and a
/// laboratory "corrected" value is no correction.
final class CorrectionTests: XCTestCase {
    func testACorrectionReplacesTheStatementsBeforeIt() throws {
        let scanner = try NoteScanner.forTests()
        let phone = "GASTROENTEROLOGY TELEPHONE VISIT\nTelehealth consent: Patient declined consent.\nPatient at home; no smartphone, so by phone. Spent 19 minutes total today.\nMateus Ferreira-Lind, MD\n\n"
        // The quoted line it withdraws is no statement of its own.
        let disregard = scanner.scan(text: phone + "ADDENDUM 07/08/2025 16:40\nPlease disregard the line \"Telehealth consent: Patient declined consent.\" It is the template's default value. The patient gave verbal consent at the start of the call to be seen by telephone.\nM. Ferreira-Lind, MD")
        XCTAssertEqual(disregard.elements.consent?.value.value, "documented")
        XCTAssertEqual(scanner.scan(text: phone).elements.consent?.value.value, "declined")

        let video = "Palliative Care - Video Visit\nPatient location: at work.\nShe agrees to a video visit. Total time on the date of the visit: 23 minutes.\nImogen Szabo-Reyes, MD\n\n"
        let place = scanner.scan(text: video + "Correction 08/15/2025: \"Patient location: at work\" is a template error - she has been retired for years. During the visit she was at her daughter's house.\nI. Szabo-Reyes, MD")
        XCTAssertEqual(place.elements.patientLocation?.value, "home")
        XCTAssertEqual(scanner.scan(text: video).elements.patientLocation?.value, "other")
        // The total it states, not its parts.
        let time = scanner.scan(text: video + "Correction to time statement. Total time on the date of service was 38 minutes, not 23: 23 minutes was the video portion only. The total includes review of the MRI (10 minutes) and documentation (5 minutes).\nI. Szabo-Reyes, MD")
        XCTAssertEqual(time.elements.time?.value, 38)
        XCTAssertEqual(time.elements.patientLocation?.value, "other")   // not restated: stays

        // "X, not Y": the technology it names, not the one it denies.
        let amended = scanner.scan(text: "TELEPHONE ENCOUNTER\nPt at home, consented. Called pt by telephone. Total time 15 min.\nEvander Whitlock, MD\n\n** AMENDMENT 06/15/2026 1530 ** ENCOUNTER TECHNOLOGY CORRECTED: THIS VISIT WAS CONDUCTED VIA DOXY.ME VIDEO, NOT BY TELEPHONE AS ORIGINALLY CHARTED.\nEVANDER WHITLOCK, MD")
        XCTAssertEqual(amended.elements.modality?.value, "audio_video")

        // A visit corrected to in person; one corrected to the phone stays remote.
        let nephro = "NEPHROLOGY CLINIC FOLLOW-UP\nTelehealth attestation: This visit was conducted via secure two-way video. The patient consented to telehealth and was located at home. I was located in the clinic.\nBP 138/84. RTC 3 months.\nSunniva Achebe-Hart, MD\n\n"
        XCTAssertEqual(scanner.scan(text: nephro + "Correction 04/22/2025 17:48: The telehealth attestation at the top of this note was copied forward in error. Today's visit was in person at the clinic; BP and exam above were done in the room.\nS. Achebe-Hart, MD").service, .inPerson)
        let psych = scanner.scan(text: "Psychiatry follow-up\nVisit type: Telehealth - secure video (Doxy.me)\nPt location: home\nConsent: pt consents to telepsychiatry\n\n>> Correction for today: this was NOT a video visit. His camera is cracked, so we did the whole thing by phone, audio only. He was at his apartment and agreed to go ahead that way. I was in clinic today.\n\nTotal time 25 min.\nJo Lee, MD")
        XCTAssertEqual(psych.service, .telemedicineVisit)
        XCTAssertEqual(psych.elements.modality?.value, "audio_only")

        // The draft line it quotes states nothing; the quote of what the line should read is the
        // right value.
        let draft = scanner.scan(text: "Neurology follow-up\nPt seen via audio-only telephone, pt at home. Consented. Total time: 30 minutes.\nLucinda Marchetti, MD\n\nADDENDUM 02/20/2025 08:30\nThe draft read: \"Pt seen via audio-only telephone, pt at home.\" That line carried forward from her December visit.\nIt should read: \"Pt seen via two-way video; pt was at work.\"\nL. Marchetti, MD")
        XCTAssertEqual(draft.elements.modality?.value, "audio_video")
        XCTAssertEqual(draft.elements.patientLocation?.value, "other")
        let withdrawn = scanner.scan(text: "Video visit. Pt at home, consented. Total time: 20 minutes.\nJo Lee, MD\n\nAddendum: the line \"pt at home\" is incorrect and is withdrawn.\nJo Lee, MD")
        XCTAssertNil(withdrawn.elements.patientLocation)

        // A laboratory correction corrects nothing of the visit.
        let lab = scanner.scan(text: "Video visit. Pt at home, consented. Total time: 25 minutes.\nJo Lee, MD\n\nCorrected calcium: 9.2. Counseling 10 minutes on diet.")
        XCTAssertEqual(lab.elements.time?.value, 25)
    }
}
