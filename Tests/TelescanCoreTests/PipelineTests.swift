import Foundation
import XCTest
@testable import TelescanCore
import TelescanReport

final class PipelineTests: XCTestCase {
    /// A signature written last name first is reported first-last, as names are everywhere else.
    func testLastNameFirstSignatureIsGivenFirstLast() throws {
        let note = "Video visit. Patient at home. Verbal consent obtained. Total time 20 minutes.\nOkafor-Reyes, Damaris MD\n"
        let provider = try XCTUnwrap(try NoteScanner.forTests().scan(text: note).elements.performingProvider)
        XCTAssertEqual(provider.value.name, "Damaris Okafor-Reyes")
        XCTAssertEqual(provider.value.credential, "MD")
    }

    /// A visit's start and end written apart, each with its clock time (a running log, a
    /// narrative, a callback), give its minutes when nothing else in the note does; a start
    /// alone gives none, and a stated total wins over the clocks.
    func testAStartAndAnEndWrittenApartGiveTheTime() throws {
        let scanner = try NoteScanner.forTests()
        let cases: [(String, Int?)] = [
            ("Phone visit, pt at home, verbal consent, no video device. Call started 10:02. Discussed BP log at length, titrated amlodipine, reviewed side effects and diet. Call ended 10:23.\nJo Lee, MD", 21),
            ("13:00 video session open (Zoom), pt in dorm, consent verbal\n13:20 discussed sleep\n14:00 session ended\nJo Lee, MD", 60),
            ("Phone visit. I called the pt back at 9:22 PM. Hives after cefuroxime. Verbal consent. Pt at home, no smartphone. Hung up 9:37 PM.\nJo Lee, MD", 15),
            ("Phone visit, pt at home, verbal consent, no video device. Call started 10:02. Discussed BP log.\nJo Lee, MD", nil),
            ("Phone visit, pt at home, verbal consent, no video device. Call started 10:02. Total time 15 min. Call ended 10:40.\nJo Lee, MD", 15),
        ]
        for (note, minutes) in cases {
            XCTAssertEqual(scanner.scan(text: note).elements.time?.value, minutes, note)
        }
    }

    /// An addendum headed with the clinician's initial ("M. Constantinescu, NP") is signed by
    /// the clinician of the full signature above it: the full name is reported. An initial with
    /// no matching full name, or a full name with another surname or credential, stays as is.
    /// A header naming the clinician in full with the same credential counts as well.
    func testAnInitialIsTheFullSignatureOfTheSameClinician() throws {
        let scanner = try NoteScanner.forTests()
        let body = "Video visit from home; verbal consent. Time: 15 min\n"
        let cases: [(String, String?)] = [
            (body + "Mirela Constantinescu, NP\n\nADDENDUM 06/15/2026 18:05 - M. Constantinescu, NP\nTime corrected: 25 minutes total.", "Mirela Constantinescu"),
            (body + "Mirela Constantinescu, NP\n\nADDENDUM 06/15/2026 18:05 - M. Petrova, NP\nTime corrected: 25 minutes total.", "M. Petrova"),
            (body + "Mirela Constantinescu, MD\n\nADDENDUM 06/15/2026 18:05 - M. Constantinescu, NP\nTime corrected: 25 minutes total.", "M. Constantinescu"),
            (body + "Karol Constantinescu, NP\n\nADDENDUM 06/15/2026 18:05 - M. Constantinescu, NP\nTime corrected: 25 minutes total.", "M. Constantinescu"),
            // A header that names the clinician in full with the signature's credential.
            ("Phone visit 02/09/2026 - Jonah Whitcombe, NP (spine clinic)\n" + body + "J. Whitcombe, NP", "Jonah Whitcombe"),
            ("Phone visit 02/09/2026 - Jane Whitcombe (patient's wife on the call)\n" + body + "J. Whitcombe, NP", "J. Whitcombe"),
            ("Phone visit 02/09/2026 - Jonah Whitcombe, MD (spine clinic)\n" + body + "J. Whitcombe, NP", "J. Whitcombe"),
            ("Attending physician: Caspian Whitfield\n" + body + "C. Whitfield, MD", "Caspian Whitfield"),
            ("Clinician: NP Theodora Blackwood\n" + body + "T. Blackwood, NP", "Theodora Blackwood"),
            ("Patient: Carla Whitfield\n" + body + "C. Whitfield, MD", "C. Whitfield"),
            // A short form of the given name ("Matt" for "Matthew") with the same credential.
            ("Video Visit\nMatthew Okonkwo, DO - Sports Medicine\n" + body + "Matt Okonkwo, DO", "Matthew Okonkwo"),
            ("Video Visit\nMatthew Okonkwo, MD - Sports Medicine\n" + body + "Matt Okonkwo, DO", "Matt Okonkwo"),
            ("Video Visit\nMatthew Okafor, DO - Sports Medicine\n" + body + "Matt Okonkwo, DO", "Matt Okonkwo"),
            // A nickname that is no prefix, in a name of as many words (s58); not a longer
            // reading of the same line ("Signed Lydia Park"), nor the tail of a longer name.
            ("Therapist: PT, DPT - Henry Oyelaran-Fisk\n" + body + "Hank Oyelaran-Fisk, PT", "Henry Oyelaran-Fisk"),
            (body + "Signed Lydia Park, MD", "Lydia Park"),
            (body + "Ana Lucía Moncayo, CNM", "Ana Lucía Moncayo"),
            // A nickname in quotes is no part of the name; a full name in brackets after the
            // signature is the performer's.
            (body + "William \"Bill\" Nakashima-Reyes, MD", "William Nakashima-Reyes"),
            (body + "Sandy Ruiz de Alarcón, NP (Alexandra Ruiz de Alarcón)", "Alexandra Ruiz de Alarcón"),
            (body + "Sandy Ruiz de Alarcón, NP (Alexandra Bell)", "Sandy Ruiz de Alarcón"),
            // An initial before a surname with a particle; a student's signature is no one's.
            ("Precepting NP: Bettina von Hohenau, APRN, FNP-BC\nNote prepared by: Calloway Fitch-Amari, NP student\n" + body + "-- B. von Hohenau, APRN", "Bettina von Hohenau"),
        ]
        for (note, name) in cases {
            XCTAssertEqual(scanner.scan(text: note).elements.performingProvider?.value.name, name, note)
        }
    }

    /// Who consented when the sentence names them only through a possessive or as a relative
    /// subject of its own, an introduction before the pronoun, or a parent of an adult (s58).
    func testConsentByARelativeNamedThroughAPossessiveOrAsTheSubject() throws {
        let scanner = try NoteScanner.forTests()
        let cases: [(String, String?)] = [
            ("Patient: Theo Reyes, age 6\nPhone visit. Theo's mom declined video but agreed to a telephone visit. Time 15 min.\nJo Lee, MD", "guardian"),
            ("Pt: Walter Ingebretsen, 87 M\nVideo visit. His daughter was with him and consented for him - she is his health care proxy. Time 20 min.\nJo Lee, MD", "guardian"),
            ("Pt: Walter Ingebretsen, 87 M\nVideo visit. His wife was with him and consented for him. Time 20 min.\nJo Lee, MD", "other"),
            ("Pt: Walter Ingebretsen, 87 M\nVideo visit. His wife was with him and he consented. Time 20 min.\nJo Lee, MD", "patient"),
            ("Portal e-visit\nPt: Ada Wren, 70 F\nPt's husband uploaded 2 photos via portal at pt's request. Pt agreed by portal message to remote review of her photos. Time 6 min.\nJo Lee, NP", "patient"),
            // An adult's parent made the guardian stands for her.
            ("Video check-in\nPatient: Isaac Brandt, 19 y; parents are co-guardians.\nMom (Heidi Brandt, co-guardian) requested a quick video look. She gave verbal consent for this check-in. Time 6 min.\nJo Lee, MD", "guardian"),
            // A parent's pronoun: a minor's guardian; an adult's mother stands for no one.
            ("Pt: Nadia Okabe, 14 F\nPhone visit. I called at the scheduled time; her mom picked up and handed her the phone. She agreed to have today's appointment by phone. Time 15 min.\nJo Lee, MD", "guardian"),
            ("Pt: Nadia Okabe, 24 F\nPhone visit. I called at the scheduled time; her mom picked up and handed her the phone. She agreed to have today's appointment by phone. Time 15 min.\nJo Lee, MD", "patient"),
            // An introduction before the pronoun that opens the clause.
            ("Portal e-visit\nPatient: Rafferty Cole, 4 yo M\n10/06 Mom wrote that his eczema flared and uploaded three photos. Before sending, she ticked the acknowledgment that an online visit may be billed to her insurance and agreed to it.\nTime: 8 min.\nJo Lee, MD", "guardian"),
        ]
        for (note, by) in cases {
            XCTAssertEqual(scanner.scan(text: note).elements.consent?.value.by, by, note)
        }
    }

    /// A monitoring month is the signing clinician's: staff who made its calls do not perform
    /// it when a clinician signs after them (s58); a nurse's own video session keeps its nurse.
    func testAMonitoringMonthIsTheSigningCliniciansNotTheStaffs() throws {
        let scanner = try NoteScanner.forTests()
        let month = "RPM MONTHLY NOTE - Heart failure weight/BP program\nMonth: October 2025\nConsent on file.\nData: readings on 17 of 31 days.\n- 10/03 call by Tamsin Greer, RN, with Per - routine review\nTotal management time this month: 40 minutes.\n"
        let cases: [(String, String?)] = [
            (month + "Reviewed and agree with the above. Benedikt Adler, MD - signed 10/31/2025", "Benedikt Adler"),
            (month + "Benedikt Adler, MD", "Benedikt Adler"),
            (month, "Tamsin Greer"),
            // A supervising physician on file signs nothing.
            (month + "Electronically signed: Tamsin Greer, RN  11/01/2025\nSupervising physician: Benedikt Adler, MD (general supervision)", "Tamsin Greer"),
        ]
        for (note, name) in cases {
            XCTAssertEqual(scanner.scan(text: note).elements.performingProvider?.value.name, name, note)
        }
    }

    /// A note titled like an office note ("PROGRESS NOTE", "Follow-up visit") whose only
    /// technology is a sentence saying the patient was seen or reached by video or phone is
    /// that remote visit; a dated or past mention is not.
    func testAStatedRemoteEncounterOutweighsAnOfficeTitle() throws {
        let scanner = try NoteScanner.forTests()
        let cases: [(String, Service?)] = [
            ("PROGRESS NOTE\nPt seen by video today for f/u of HTN. At home. Total time 20 min.\nJo Lee, MD", .telemedicineVisit),
            ("PROGRESS NOTE\nPt contacted by phone today for f/u of HTN. At home. Total time 15 min.\nJo Lee, MD", .telemedicineVisit),
            ("Follow-up visit\nPatient evaluated via telephone today. Patient at home. Total time 15 min.\nJo Lee, MD", .telemedicineVisit),
            ("PROGRESS NOTE\nPresents to clinic for f/u of HTN. Was seen by video in April. BP 130/80. Total time 20 min.\nJo Lee, MD", .inPerson),
            ("PROGRESS NOTE\nPresents to clinic for f/u of HTN. She was contacted by phone with results. Total time 20 min.\nJo Lee, MD", .inPerson),
        ]
        for (note, service) in cases {
            XCTAssertEqual(scanner.scan(text: note).service, service, note)
        }
    }

    /// A lower-case line continues the line before (a hard wrap) unless it starts a typed
    /// statement ("pt ...", "no ...", "verbal consent ...") after a line that does not ask for
    /// more (a comma, "to", "a", "gave", "cannot"): typed notes' lines are statements of their own.
    /// A line in capitals continues one that ends with such a word in lower case ("for" / "VVC"),
    /// or a line in capitals filled to 55 bytes or more (an export in capitals wrapped at its column).
    func testTypedLinesAreStatementsAndWrapsAreJoined() throws {
        let lex = try Repo.lexiconSet()
        let splitter = SentenceSplitter(lexicons: lex)
        let cases: [(String, Int)] = [
            ("pt at home\nno fever\npt consented to video", 3),
            ("cant do video at work\nverbal consent obtained", 2),
            ("LBP improving, 4/10 now. no red flags\nplan cont PT, f/u 6 wks", 3),
            ("She agreed to a\ntelehealth visit.", 1),
            ("Denies chest pain,\nno dyspnea.", 1),
            ("as the patient cannot\nconsent for herself.", 1),
            ("Patient gave\nverbal consent for the telephone visit.", 1),
            ("He was seen for swelling\nand pain in the calf.", 1),
            ("He has no data signal on the road for\nVVC, so the visit was by telephone.", 1),
            ("Started vitamin A\nPatient at home.", 2),
            // A date's first word ("last", "next", "until") asks for the rest on the next line.
            ("He came in because his VVC visit last\nNovember kept freezing.", 1),
            ("Video visit planned for next\nTuesday.", 1),
            // "appt." ends its sentence: "if" before it must not reach the next statement.
            ("She called asking if ankle swelling needs an appt. OK'd this quick phone check-in.", 2),
            // An export in capitals, hard-wrapped at its column: a filled line goes on into the
            // next capital line; a short one, a form's row (boxes, dot leaders) or an indented
            // line does not.
            ("WRIST PAIN AFTER A FALL ON AN OUTSTRETCHED HAND, IF PAIN PERSISTS BEYOND\nTEN DAYS OFFICE VISIT.", 1),
            ("PT SEEN BY VIDEO FROM HOME\nNO FEVER.", 2),
            ("WRIST PAIN AFTER A FALL ON AN OUTSTRETCHED HAND, IF PAIN PERSISTS BEYOND\n   TEN DAYS OFFICE VISIT.", 2),
            // A list or footnote marker is no checkbox: its line is split into sentences; a
            // box's line ("( )", "[x]") stays one unit.
            ("(1) Called her at home - she has no internet there. She gave verbal consent.", 2),
            ("[2] Seen by video. Pt at home.", 2),
            ("(a) Seen by video. Pt at home.", 2),
            ("( ) Seen by video. Pt at home.", 1),
            ("[x] Seen by video. Pt at home.", 1),
        ]
        for (text, count) in cases {
            let units = Array(text.utf8).withUnsafeBufferPointer { splitter.split($0).units }
            XCTAssertEqual(units.count, count, text)
        }
        // A form's rows in capitals, the first filled past the column: no unit runs across the
        // line break (an unticked box on one row must not reach the next row's ticked answer).
        let form = "VERBAL CONSENT BY .. (X) PATIENT  ( ) PARENT  ( ) GUARDIAN  ( ) OTHER\nPT LOCATION ........ (X) HOME"
        let lineBreak = Array(form.utf8).firstIndex(of: 10)!
        let units = Array(form.utf8).withUnsafeBufferPointer { splitter.split($0).units }
        XCTAssertFalse(units.contains { $0.range.contains(lineBreak) }, "\(units.map(\.range))")
        // Joined, the first line's "denies" negated the next line's consent.
        let note = "VV f/u HTN\npt at home, joined by video\ndenies chest pain\nverbal consent obtained for video visit\ntotal 22 min\nDana Whitfield MD\n"
        XCTAssertEqual(try NoteScanner.forTests().scan(text: note).elements.consent?.value.value, "documented")
    }

    /// A reason for not using video is reported only where video was not used (audio-only, a
    /// switch, or no technology stated): on a video visit it is someone else's device or another day.
    /// Only a telemedicine visit takes one: in a monitoring month the same words describe the device.
    func testAudioOnlyReasonOnlyWhereVideoWasNotUsed() throws {
        let scanner = try NoteScanner.forTests()
        let monitoring = "RTM month summary, knee exercise app. Data on 14 of 30 days; app issues on her phone, no video capability. Treatment management time 22 min, including a phone call with the patient.\nJo Lee, PT, DPT"
        let rtm = scanner.scan(text: monitoring)
        XCTAssertEqual(rtm.service, .remoteMonitoring, "\(rtm.elements)")
        XCTAssertNil(rtm.elements.audioOnlyReason)
        let video = "Video visit via Zoom. Patient at home. Verbal consent obtained. Interpreter started on video but her camera failed, so she dialed in by phone. Pt and I stayed on video the whole time. Total time 25 minutes.\nJo Lee, MD"
        XCTAssertNil(scanner.scan(text: video).elements.audioOnlyReason)
        let phone = "Telephone visit. Patient at home; her camera failed, so we completed the visit by phone. Verbal consent obtained. Total time 25 minutes.\nJo Lee, MD"
        XCTAssertNotNil(scanner.scan(text: phone).elements.audioOnlyReason)
        // A switch back to video for most of the visit is coded as video: no reason either.
        let backToVideo = "Video visit. Patient at home. Her camera failed at first, so we began on phone for 5 minutes, then switched to video for the remaining 20 minutes. Verbal consent. Total time 25 minutes.\nJo Lee, MD"
        let r = scanner.scan(text: backToVideo)
        XCTAssertEqual(r.elements.modality?.value, "audio_video")
        XCTAssertNil(r.elements.audioOnlyReason)
        // A template's "If audio only, reason:" row: a ticked reason answers it; with no tick
        // the row names no reason.
        let ticked = "Telephone visit. Patient at home, verbal consent.\nIf audio only, reason:  [X] Patient has no video-capable device  [ ] Patient declined video\nTotal time 15 minutes.\nJo Lee, MD"
        XCTAssertNotNil(scanner.scan(text: ticked).elements.audioOnlyReason)
        let unticked = "Telephone visit. Patient at home, verbal consent.\nIf audio only, reason:  [ ] Patient has no video-capable device  [ ] Patient declined video\nTotal time 15 minutes.\nJo Lee, MD"
        XCTAssertNil(scanner.scan(text: unticked).elements.audioOnlyReason)
    }

    /// A no-encounter document (scheduling, a voicemail) stays one when its minutes are fewer
    /// than any service needs (5): "Call length 3 min" of a booking call is no visit.
    /// A monitoring month's summary (the program named, readings on a count of days) whose
    /// management included a phone call with the patient is that month, not a phone visit; a
    /// phone visit that mentions the program, with no count of days, stays a visit.
    func testAMonitoringMonthWithACallStaysThatMonth() throws {
        let scanner = try NoteScanner.forTests()
        let month = "Heart Failure Remote Monitoring - February summary\nDevices: scale + BP cuff; readings transmitted on 16 days.\nPatient agreed to remote monitoring at enrolment.\nAction: 2/19 phone call with patient (6 min) - furosemide 40 mg x3 days.\nPhysician treatment management time this calendar month: 12 minutes.\nJo Lee, MD"
        let r = scanner.scan(text: month)
        XCTAssertEqual(r.service, .remoteMonitoring)
        XCTAssertEqual(r.elements.deviceDays?.value, 16)
        let visit = "Phone visit with the patient at home, verbal consent, no video device. She is enrolled in remote monitoring; weights stable. Total time 15 min.\nJo Lee, MD"
        XCTAssertEqual(scanner.scan(text: visit).service, .telemedicineVisit)
    }

    /// A monitoring month told in prose is that month: the device's readings on a count of days
    /// with the program named only in the past (or not at all), or the program with its
    /// management minutes; an office visit that counts home readings stays an office visit.
    func testAMonitoringMonthToldInProseIsThatMonth() throws {
        let scanner = try NoteScanner.forTests()
        let days = "This month her blood pressure monitor recorded readings on 16 days. She consented to remote monitoring in January and reconfirmed on today's call. Twenty minutes of treatment management this month.\n\nQuincy Ballantyne, FNP-BC"
        let d = scanner.scan(text: days)
        XCTAssertEqual(d.service, .remoteMonitoring)
        XCTAssertEqual(d.elements.deviceDays?.value, 16)
        let minutes = "Heart failure remote monitoring for Mr. Evander Pruszynski, period 3 March to 1 April. I called him and increased his furosemide. Total management time this period was 32 minutes.\n\nSaoirse Delgado, MD"
        let m = scanner.scan(text: minutes)
        XCTAssertEqual(m.service, .remoteMonitoring)
        XCTAssertEqual(m.elements.time?.value, 32)
        let office = "Office visit. Seen in clinic today. Home BP readings on 12 days average 138/84. Total time 25 min.\nJo Lee, MD"
        XCTAssertEqual(scanner.scan(text: office).service, .inPerson)
    }

    /// A copied-forward block under its own header is the earlier visit's, and ends at the
    /// separator rule or end marker under it even with no blank line before today's visit.
    func testACopiedForwardBlockEndsAtItsSeparator() throws {
        let scanner = try NoteScanner.forTests()
        let prior = ">>> PRIOR VISIT SUMMARY (auto-imported from 02/25/2026 encounter) <<<\nVisit type: Telephone (audio only)\nPatient location: at work (warehouse office)\nTotal time: 12 minutes\n"
        let today = "TODAY'S VISIT: video. The patient joined from home and verbally agreed to the video visit.\nTotal time today: 32 minutes.\nJo Lee, MD"
        let rule = String(repeating: "=", count: 40) + "\n"
        let fenced = scanner.scan(text: "HEART FAILURE CLINIC\n" + rule + prior + ">>> END PRIOR VISIT SUMMARY <<<\n" + rule + today)
        XCTAssertEqual(fenced.elements.patientLocation?.value, "home")
        XCTAssertEqual(fenced.elements.time?.value, 32)
        XCTAssertEqual(fenced.elements.modality?.value, "audio_video")
        // Without its end marker and rule, the block runs to the blank line: today's lines under
        // it are read as the earlier visit's.
        let unfenced = scanner.scan(text: "HEART FAILURE CLINIC\n" + prior + today)
        XCTAssertNotEqual(unfenced.elements.patientLocation?.value, "home")
        // A list bullet that says "End" is no end marker.
        let bytes = Array("- End-stage renal disease".utf8), marker = Array(">>> END PRIOR VISIT SUMMARY <<<".utf8)
        bytes.withUnsafeBufferPointer { XCTAssertFalse(ContextEngine.isSeparatorOrEndMarker($0, 0..<$0.count)) }
        marker.withUnsafeBufferPointer { XCTAssertTrue(ContextEngine.isSeparatorOrEndMarker($0, 0..<$0.count)) }
    }

    /// A label that says its text was copied from an earlier visit covers that text only: a
    /// quote after its colon ends at the closing mark, and copied text on the label's own line
    /// ends at the rule under it, even with today's visit on the next line and no blank line.
    func testACopiedLabelCoversItsQuoteOrItsLinesUpToARule() throws {
        let scanner = try NoteScanner.forTests()
        let quoted = scanner.scan(text: "Allergy f/u (video) 02/02/2026. Pt consented to video visit.\nCopied from 11/2025: \"Phone visit, 40 minutes total.\"\nToday: congestion better. 15 minutes total.\nAnnika Osei, MD")
        XCTAssertEqual(quoted.elements.time?.value, 15)
        XCTAssertEqual(quoted.elements.modality?.value, "audio_video")
        XCTAssertEqual(quoted.elements.performingProvider?.value.name, "Annika Osei")
        let wide = String(repeating: "x", count: 60)
        let ruled = scanner.scan(text: "PEDIATRICS - VIDEO VISIT\n\n(Copied from 01/06/2026 visit:) Seen by video with grandmother, who consented for the telehealth visit \(wide)\nand more of that visit's text, which the export wrapped at its width, \(wide) end.\n-----\nToday: Mom is with her at home on the video call and agreed to doing this visit by video.\nJo Lee, MD")
        XCTAssertEqual(ruled.elements.consent?.value.by, "guardian")
        XCTAssertEqual(ruled.elements.patientLocation?.value, "home")
        // The header's own words are the earlier visit's: its "phone check" is no modality today.
        let office = scanner.scan(text: "Orthopaedic Surgery - Postoperative Clinic Visit\n\n--- Telehealth block auto-carried from 03/04/2026 phone check (not applicable to today) ---\nTelephone visit. Patient consented to telehealth. Total time 12 minutes.\n--- end ---\n\nToday in clinic: 3 weeks post-op. Exam: portals healed.\nOskar Lind, MD")
        XCTAssertNil(office.elements.modality)
        XCTAssertNil(office.elements.time)
        // Without the label, the grandmother's consent is this visit's (by someone else).
        let plain = scanner.scan(text: "PEDIATRICS - VIDEO VISIT\n\nSeen by video with grandmother, who consented for the telehealth visit.\nJo Lee, MD")
        XCTAssertNotNil(plain.elements.consent)
    }

    /// A month titled as the monitoring program's, with its management minutes, is the month even
    /// when its plan names an office visit to come; an office visit that enrols the patient is not.
    func testATitledMonitoringMonthOutranksAPlannedOfficeVisit() throws {
        let scanner = try NoteScanner.forTests()
        let month = scanner.scan(text: "Remote Patient Monitoring - Monthly Review\nPeriod: 3/1/2025 - 3/31/2025\nWeights came through on most days this month.\nTotal interactive/management time for March 2025: 22 minutes.\nPlan: continue daily weights; HF clinic in-person visit 4/15.\nJo Lee, MD")
        XCTAssertEqual(month.service, .remoteMonitoring)
        let office = scanner.scan(text: "Office visit. Seen in clinic today for diabetes; foot exam done.\nTotal time 25 min.\nRTC 3 mo. Enrolled in BP cuff RPM.\nJo Lee, MD")
        XCTAssertEqual(office.service, .inPerson)
    }

    /// A telehealth visit that changed technology is a visit held in real time even when it names
    /// the monitoring program whose readings it reviewed; the same note without the switch and
    /// without the visit's name stays the month.
    func testAVisitThatSwitchedTechnologyOutranksTheProgramItReviews() throws {
        let scanner = try NoteScanner.forTests()
        let visit = scanner.scan(text: "Clinical Pharmacist - Hypertension Management\nStarted on video; the call dropped. I called her cell and we did the remaining 17 minutes by phone. She had agreed at the start to a telehealth visit with me. Pt at home.\nHer BP cuff (remote monitoring program) sent readings on 19 of the last 30 days.\nTotal time: 20 minutes.\nJo Lee, PharmD")
        XCTAssertEqual(visit.service, .telemedicineVisit)
        XCTAssertEqual(visit.elements.modality?.value, "audio_only")
        XCTAssertEqual(visit.elements.modalitySwitch?.value, true)
        let month = scanner.scan(text: "Clinical Pharmacist - Hypertension Management\nPt at home.\nHer BP cuff (remote monitoring program) sent readings on 19 of the last 30 days.\nTotal time: 20 minutes.\nJo Lee, PharmD")
        XCTAssertEqual(month.service, .remoteMonitoring)
    }

    /// A virtual check-in the patient asked for by message was held by the call's technology
    /// when the note names it; a check-in with no call named keeps the message.
    func testACheckInAskedForByMessageReportsTheCallsTechnology() throws {
        let scanner = try NoteScanner.forTests()
        let video = scanner.scan(text: "Brief Virtual Check-In\nEstablished patient.\nPt messaged asking for a quick call about dry mouth. Connected with her by video for a brief check-in; she agreed to the check-in.\nTime of medical discussion: 7 min.\nJo Lee, MD")
        XCTAssertEqual(video.service, .virtualCheckin)
        XCTAssertEqual(video.elements.modality?.value, "audio_video")
        let message = scanner.scan(text: "Brief Virtual Check-In\nEstablished patient.\nPt messaged about dry mouth; she agreed to the check-in.\nTime: 7 min.\nJo Lee, MD")
        XCTAssertEqual(message.elements.modality?.value, "online_message")
    }

    /// An abbreviation before the visit's minutes ends its statement, so a plan before it does not
    /// reach them; one that qualifies the amount ("approx.") does not.
    func testAnAbbreviationBeforeTheMinutesEndsItsStatement() throws {
        let scanner = try NoteScanner.forTests()
        XCTAssertEqual(scanner.scan(text: "Video visit, pt at home, consented. RTC 1 yr or prn. 12 min.\nJo Lee, DO").elements.time?.value, 12)
        XCTAssertEqual(scanner.scan(text: "Phone f/u, pt at work, ok'd phone. RTC 8 wks. ~15 min on the phone.\nJo Lee, MD").elements.time?.value, 15)
        XCTAssertNil(scanner.scan(text: "Video visit, pt at home, consented. RTC in approx. 12 wks.\nJo Lee, DO").elements.time)
    }

    /// A correction line that calls the line above it wrong (`scope: previous_line`) voids that
    /// line only: the corrected value on the correction's own line stands, and an uncorrected
    /// line above it keeps its value.
    func testACorrectionVoidsTheLineAboveIt() throws {
        let scanner = try NoteScanner.forTests()
        let corrected = scanner.scan(text: "Ambient Draft - Telephone Follow-up\nPatient location (AI-inferred): home\n>> Correction by clinician: Wrong - patient took the call from an empty classroom at the elementary school where she teaches.\nTime: 14 minutes.\nJo Lee, NP")
        XCTAssertEqual(corrected.elements.patientLocation?.value, "other")
        let kept = scanner.scan(text: "Ambient Draft - Telephone Follow-up\nPatient location (AI-inferred): home\n>> Correction by clinician: the visit was 14 minutes, not 12.\nJo Lee, NP")
        XCTAssertEqual(kept.elements.patientLocation?.value, "home")
        let draft = scanner.scan(text: "Video visit, pt at home, verbal consent obtained.\nAI draft time statement: \"Total time: 45 minutes.\"\nCLINICIAN CORRECTION: The 45-minute figure is wrong. My actual total time was 25 minutes.\nJo Lee, MD")
        XCTAssertEqual(draft.elements.time?.value, 25)
    }

    /// s55: a pronoun that keeps the subject of the clauses before it reaches back to the parent
    /// who opened them; a titled surname or initial is the relative introduced with it, unless
    /// the patient's header line shares the surname and sets the patient apart by nothing.
    func testAPronounChainAndATitledSurnameReachTheRelative() throws {
        let by = try consentGiver()
        XCTAssertEqual(by("Telephone visit (audio-only)\nSpoke with mother of Sofia A. (6 y/o).\nMom is at home with Sofia. She has no data plan on her phone, so video wasn't an option; she agreed to a\nphone visit instead.\nTotal time 8 minutes.\nJo Lee, NP"), "guardian")
        // A chain that starts from someone else stays the patient's.
        XCTAssertEqual(by("Telephone visit (audio-only)\nSofia is at home with mom. She has no data plan on her phone, so video wasn't an option; she agreed to a\nphone visit instead.\nTotal time 8 minutes.\nJo Lee, NP"), "patient")
        XCTAssertEqual(by("Video visit\nPatient: Keanu P., 11 yo M with type 1 diabetes.\nLocation: patient is at his grandmother's house. Grandmother, Loretta P., has legal\nguardianship (letters on file).\n\nMs. P. gave verbal consent for today's visit to be done over video.\n25 min.\nJo Lee, MD"), "guardian")
        XCTAssertEqual(by("Video visit\nPatient: Jaylen Brooks, 6 y/o M - established.\nLegal guardian: maternal grandmother, Bernice Brooks (guardianship papers in chart). Ms. Brooks gave verbal consent for the video visit.\n25 min.\nJo Lee, MD"), "guardian")
        XCTAssertEqual(by("Video visit\nMr. Oduya-Larkin has a court-appointed guardian of the person,\nMr. Felix Amundsen, who joined by telephone. Mr. Amundsen gave verbal consent for the telepsychiatry visit.\n25 min.\nJo Lee, MD"), "guardian")
        // The patient shares the daughter's surname and the header says no more: the patient's.
        XCTAssertEqual(by("Video visit\nPatient: Rosalía Ibarra Montes   DOB: 02/09/1939\nParticipants: the patient; her daughter Marisela Ibarra, who held the tablet.\nThrough the interpreter, Mrs. Ibarra gave verbal consent to be seen by video today.\n25 min.\nJo Lee, MD"), "patient")
        // A relative named after "from" or "by" in the consent's own words: someone else's
        // consent, or the guardian's when the sentence makes them the proxy ("non-guardian" denies it).
        XCTAssertEqual(by("Video visit\nConsent from grandparents (non-guardian caregivers) documented.\n25 min.\nJo Lee, MD"), "other")
        XCTAssertEqual(by("Video visit\nConsent: obtained by phone from his son.\n25 min.\nJo Lee, MD"), "other")
        XCTAssertEqual(by("Video visit\nConsent obtained from daughter Ingrid Lindgren, his health care proxy.\n25 min.\nJo Lee, MD"), "guardian")
        XCTAssertEqual(by("Video visit\nConsent obtained from patient; daughter present.\n25 min.\nJo Lee, MD"), "patient")
        XCTAssertEqual(by("Video visit\nShe is at home. Verbal consent for the video visit came from the patient herself, not from her husband.\n25 min.\nJo Lee, MD"), "patient")
        // A carer named with a role after a comma consents for no one but stands in: someone else.
        XCTAssertEqual(by("Telephone visit\nDarnell Hughes, DSP on shift, was with Jonah and gave the history. Darnell agreed to the phone\nvisit.\n25 min.\nJo Lee, MD"), "other")
        // A name after "by", then the role it acts in.
        XCTAssertEqual(by("Video visit\nConsent: given for today's video visit by Aldric as health care proxy.\n25 min.\nJo Lee, MD"), "guardian")
        XCTAssertEqual(by("Video visit\nConsent: given by the patient as well as his wife.\n25 min.\nJo Lee, MD"), "patient")
        // A given name the note introduced as a relative, opening the consent's sentence or after
        // "from": the relative's role decides; another subject between leaves it the patient's.
        XCTAssertEqual(by("Video visit\nConsent: Resident has moderate dementia and does not have capacity for this decision. His son Gerald Quennell is his health care proxy (HCP document in the facility chart). Gerald was called before rounds and gave verbal consent for today's video dental exam.\n25 min.\nJo Lee, MD"), "guardian")
        XCTAssertEqual(by("Video visit\nConsent: Resident has moderate dementia. His son Gerald Quennell helps at home. Gerald was called before rounds and gave verbal consent for today's video dental exam.\n25 min.\nJo Lee, MD"), "other")
        XCTAssertEqual(by("Video visit\nHer son, Peter, is her health care proxy. Given her impairment, consent for today's telehealth visit was obtained from Peter, who agreed.\n25 min.\nJo Lee, MD"), "guardian")
        // A titled surname opening the consent's sentence: the relative introduced with it.
        XCTAssertEqual(by("Telephone visit\nPatient: Jeremiah Holm, 27 y/o M.\nLegal guardian: aunt, Beatrix Holm (plenary guardianship).\nStaff held the phone on speaker with Jeremiah; Ms. Holm joined on a three-way call from her own home and gave verbal consent for today's telephone visit on Jeremiah's behalf.\n25 min.\nJo Lee, MD"), "guardian")
        // A title of the other sex is not the relative ("his wife, Mary Brooks ... Mr. Brooks").
        XCTAssertEqual(by("Video visit\nHis wife, Mary Brooks, held the tablet. Mr. Brooks gave verbal consent for the video visit.\n25 min.\nJo Lee, MD"), "patient")
    }

    /// A consent given in the name of a relative the note introduced is the relative's: the
    /// guardian's for a parent or one the note makes the proxy, someone else's otherwise; a
    /// patient named in a header is no relative, nor is one named beside a relative.
    func testAConsentInARelativesNameIsTheRelatives() throws {
        let by = try consentGiver()
        XCTAssertEqual(by("Phone visit.\nArvid, 88 M, lives with his daughter Karin on her farm; she is his health care proxy.\nKarin said the video was fine to go ahead with. 20 min.\nJo Lee, MD"), "guardian")
        XCTAssertEqual(by("Phone visit.\nArvid, 88 M, lives with his daughter Karin on her farm.\nKarin said the video was fine to go ahead with. 20 min.\nJo Lee, MD"), "other")
        // s54: the possessor of the agreement after "with" ("with mom's agreement") gave it when
        // a parent, guardian or proxy; the patient's own agreement stays the patient's.
        XCTAssertEqual(by("Phone visit.\nLucas, 6, did not want the camera; visit done by phone instead, with mom's agreement. Lucas is at home with her.\n15 min.\nJo Lee, MD"), "guardian")
        XCTAssertEqual(by("Phone visit.\nVisit done by phone instead, with the patient's verbal agreement. She is at home.\n15 min.\nJo Lee, MD"), "patient")
        // A consent the rules gave to someone else ("on her mother's behalf") is the guardian's
        // when the note made that relative the proxy; not when it did not.
        XCTAssertEqual(by("Telephone visit.\nPt: Mildred, 88F, at her assisted living.\nDaughter Carol Haskins (health care POA) joined from work. Carol gave consent for today's telehealth visit on her mother's behalf.\n25 min.\nJo Lee, MD"), "guardian")
        XCTAssertEqual(by("Telephone visit.\nPt: Mildred, 88F, at her assisted living.\nDaughter Carol Haskins joined from work. Carol gave consent for today's telehealth visit on her mother's behalf.\n25 min.\nJo Lee, MD"), "other")
        // s51: the proxy named two sentences before a consent given "on his behalf" whose
        // sentence opens with a pronoun (a sentence of what she did stands between, across a
        // blank line); not when nothing made her the proxy.
        XCTAssertEqual(by("E-visit.\nSubmitted by: daughter, Clementine, through her proxy access. Clementine is his health care proxy.\n\nClementine uploaded two photos and asked if it needs to be seen. She checked the e-visit acknowledgement agreeing, on his behalf, to an online evaluation.\n12 min.\nJo Lee, MD"), "guardian")
        XCTAssertEqual(by("E-visit.\nSubmitted by: daughter, Clementine, through her portal access. Clementine lives nearby.\n\nClementine uploaded two photos and asked if it needs to be seen. She checked the e-visit acknowledgement agreeing, on his behalf, to an online evaluation.\n12 min.\nJo Lee, MD"), "other")
        // A later sentence with the relative's name as its subject may make them the proxy; not
        // one that makes another relative the proxy, nor one that denies it.
        XCTAssertEqual(by("Phone visit.\nPatient in her apartment, her son Rafael Castellanos on the line from home. Rafael is her health care proxy (activated 2024). Rafael gave consent for today's phone visit on his mother's behalf.\nJo Lee, MD"), "guardian")
        XCTAssertEqual(by("Phone visit.\nPatient in her apartment, her son Rafael Castellanos on the line from home. Rafael is her son; the daughter is her health care proxy. Rafael gave consent for today's phone visit on his mother's behalf.\nJo Lee, MD"), "other")
        XCTAssertEqual(by("Phone visit.\nPatient in her apartment, her son Rafael Castellanos on the line from home. Rafael is not her health care proxy. Rafael gave consent for today's phone visit on his mother's behalf.\nJo Lee, MD"), "other")
        // A pronoun that opens a consent on the patient's behalf stands for the one the sentence
        // before made the proxy; not when that sentence denies it.
        XCTAssertEqual(by("Video visit.\nHis daughter, Ms. Renee Castell, holds durable power of attorney for health care (copy scanned 04/2025). She agreed on his behalf to today's visit by video.\nJo Lee, MD"), "guardian")
        XCTAssertEqual(by("Video visit.\nHis daughter, Ms. Renee Castell, does not hold power of attorney. She agreed on his behalf to today's visit by video.\nJo Lee, MD"), "other")
        // s52: a consent whose own words name a parent, guardian or proxy after "by" or "from"
        // is theirs; the patient's own reconfirmation of it is not asked for here.
        XCTAssertEqual(by("Adolescent medicine - video visit.\nAva joined from home with her mother.\nConsent: telehealth consent signed by mother in January is on file; I reconfirmed with her verbally today before we started.\n25 min.\nJo Lee, MD"), "guardian")
        XCTAssertEqual(by("Adolescent medicine - video visit.\nAva joined from home with her mother.\nConsent: telehealth consent signed by Ava in January is on file; I reconfirmed with her verbally today before we started.\n25 min.\nJo Lee, MD"), "patient")
        XCTAssertEqual(by("Video visit from the group home office.\nConsent: obtained before the visit from his court-appointed legal guardian, Ms. Felicia Tran, by phone.\n25 min.\nJo Lee, MD"), "guardian")
        XCTAssertEqual(by("Video visit.\nPatient location: [x] Home\nConsent: [x] Verbal consent obtained [x] from patient [ ] From guardian\n25 min.\nJo Lee, MD"), "patient")
        XCTAssertEqual(by("Video visit.\nPatient location: ☑ Home\nConsent: ☑ Verbal consent obtained ☑ from patient ☐ From guardian\n25 min.\nJo Lee, MD"), "patient")
        // A curly apostrophe in the clause does not end it.
        XCTAssertEqual(by("Video visit from the group home office.\nConsent: obtained on today’s call from his legal guardian, Ms. Felicia Tran.\n25 min.\nJo Lee, MD"), "guardian")
        // s53: a "won't" before a comma does not deny the parent's agreement after it.
        XCTAssertEqual(by("Phone visit 4/14/26\nLeo 9y T1D. Est pt.\nMom on phone - planned video but their tablet screen is cracked and won't work, mom fine doing it by phone instead. Home.\nTotal 12 min.\nJo Lee, NP"), "guardian")
        // A curly possessive before the parent is skipped as the ASCII one is.
        XCTAssertEqual(by("Video visit.\nThe patient’s mum okayed doing today's therapy over video.\n25 min.\nJo Lee, MD"), "guardian")
        XCTAssertEqual(by("Video visit.\nThe patient's mum okayed doing today's therapy over video.\n25 min.\nJo Lee, MD"), "guardian")
        // Nor when the sentence that introduces the relative denies the role, however far back
        // the denial stands or whoever else it names.
        XCTAssertEqual(by("Phone visit.\nSpoke with her and her daughter Karin, who helps care for her but is not her health care proxy. Karin agreed to the phone visit on her mother's behalf.\nJo Lee, MD"), "other")
        XCTAssertEqual(by("Video visit.\nPresent: patient and her daughter/caregiver, Linda Whitford (not the health care proxy; proxy is her son, not present today). Linda gave consent for today's video visit on her mother's behalf.\nJo Lee, MD"), "other")
        // A consent given "on his behalf" is another's: someone else's, or the guardian's when the
        // sentence makes them a parent or proxy and does not deny it.
        XCTAssertEqual(by("Video visit from the group home.\nMs. Ng (agency house manager, not a guardian) agreed to the video visit on his behalf per agency policy.\nJo Lee, MD"), "other")
        XCTAssertEqual(by("Video visit from the group home.\nHis mother agreed to the video visit on his behalf.\nJo Lee, MD"), "guardian")
        XCTAssertEqual(by("Video visit.\nPt is 88, at her own flat - her carer from the agency (Joy) held the tablet and agreed on her behalf to do the consult on video.\nJo Lee, MD"), "other")
        // A parent who opens the consent's sentence as its only subject gave it; not when another
        // person is named before the consent.
        XCTAssertEqual(by("Video session w/ Ellie (14). Mum phoned Mon and gave the go-ahead for Ellie to have her sessions on the video link from school.\nJo Lee, MD"), "guardian")
        XCTAssertEqual(by("Video session w/ Ellie (14). Mum phoned Mon and the patient gave the go-ahead to have her sessions on the video link from school.\nJo Lee, MD"), "patient")
        XCTAssertEqual(by("Video visit from home.\nHe agreed to the video visit. Mother will call on his behalf later.\nJo Lee, MD"), "patient")
        XCTAssertEqual(by("E-visit thread.\nStart 01/06 - mother (Rosa Castellano, proxy account) submitted the questionnaire. Rosa agreed to the e-visit and its cost.\nJo Lee, MD"), "guardian")
        // A name hard-wrapped after its role is still that relative's; a name that opens the
        // consent's clause, a relative clause between, is the one who consented.
        XCTAssertEqual(by("Video visit.\nJoined from his niece's house. His niece,\nJanet Pope, helps him day to day. Janet gave verbal agreement to proceed with a telehealth visit.\nJo Lee, MD"), "other")
        XCTAssertEqual(by("Phone visit.\nShe is staying at her daughter Rachel's house. Mrs. Pruitt is hard of hearing; Rachel, who helps care for her (she is not the health care proxy), gave verbal consent to the telephone visit.\nJo Lee, MD"), "other")
        XCTAssertEqual(by("Phone visit.\nShe is staying at her daughter Rachel's house. Mrs. Pruitt, who is hard of hearing, gave verbal consent to the telephone visit.\nJo Lee, MD"), "patient")
        // A sentence that opens with a pronoun after one that made someone the proxy: the proxy's
        // consent; not after a sentence that denies it, nor when the patient is named in it.
        XCTAssertEqual(by("Video visit.\nShe cannot consent. Her son, Martin Tierney, is her designated health care proxy (HCP on file). He joined by video from his home and gave permission for today's visit to be done by telehealth.\nJo Lee, MD"), "guardian")
        // A relative the note says is not the proxy consents as someone else (decisions.md: "a
        // caregiving relative who is not a guardian or proxy is `other`"; until s61 this read "patient").
        XCTAssertEqual(by("Video visit.\nHer son, Martin Tierney, is not her health care proxy. He joined by video from his home and gave permission for today's visit to be done by telehealth.\nJo Lee, MD"), "other")
        XCTAssertEqual(by("Video visit.\nHer son, Martin Tierney, is her health care proxy. He and the patient joined by video and gave permission for today's visit to be done by telehealth.\nJo Lee, MD"), "patient")
        // "agreed to it for her" is a consent on her behalf; "that worked for him" is the patient's.
        XCTAssertEqual(by("Telestroke video consult.\nHer husband, Gerald, is her health care agent under a durable power of attorney. I explained the nature of a video consultation with a remote neurologist and he agreed to it for her.\nJo Lee, MD"), "guardian")
        XCTAssertEqual(by("Video visit.\nFirst visit with our practice. We met on Doximity video; he said that worked for him.\nJo Lee, MD"), "patient")
        // The relation must stand in the name's clause: "guardian. Maya" names no guardian Maya.
        let other = Array("She lives with her daughter Maya. Maya agreed.".utf8)
        other.withUnsafeBufferPointer { XCTAssertEqual(RelativeNames.role(of: "maya", before: 34, in: $0), "other") }
        let apart = Array("Her mother is her legal guardian. Maya agreed.".utf8)
        apart.withUnsafeBufferPointer { XCTAssertNil(RelativeNames.role(of: "maya", before: 39, in: $0)) }
        XCTAssertEqual(by("Genetic counseling - video session\nCounselee: Priyanka Venkataraman\nPartner (Rohan) present for part of session\n\nSession format: secure video. Priyanka was at home.\nPriyanka agreed to hold today's session by telehealth video.\nJo Lee, MS, CGC"), "patient")
        // A relative's role that an earlier sentence made the guardian gives the guardian's
        // consent ("Grandmother gave verbal consent"), even past a title's full stop ("Sra.");
        // not when the proxy word goes with another relative of that sentence.
        XCTAssertEqual(by("Video visit.\nConnected with the patient and her grandmother, Sra. Herminia Aguayo, who has legal guardianship of Valentina. Grandmother gave verbal consent to proceed with the video visit.\nJo Lee, MD"), "guardian")
        XCTAssertEqual(by("Phone visit.\nWife (his caregiver; the daughter holds the POA) took the call. Wife agreed to the phone visit for him.\nJo Lee, MD"), "other")
        XCTAssertEqual(by("Video visit.\nMother, Sra. Leticia Orozco, joined the same video call from her work and gave verbal consent for the telehealth visit.\nJo Lee, MD"), "guardian")
        // Not a sentence whose proxy is denied after the word ("proxy, not Renee"), nor a portal's
        // "proxy access".
        let denied = Array("His daughter Renee (his wife is his health care proxy, not Renee) agreed.".utf8)
        denied.withUnsafeBufferPointer { XCTAssertFalse(RelativeNames.isMadeProxy(near: 4, in: $0)) }
        let made = Array("His daughter Renee (his wife is his health care proxy) agreed.".utf8)
        made.withUnsafeBufferPointer { XCTAssertTrue(RelativeNames.isMadeProxy(near: 4, in: $0)) }
        let portal = Array("Message came in through proxy access by her daughter, Ruth.".utf8)
        portal.withUnsafeBufferPointer { XCTAssertFalse(RelativeNames.isMadeProxy(near: 4, in: $0)) }
    }

    /// A consent said with a pronoun that opens its clause is the parent's who opens the clause
    /// before it, when the pronoun agrees; not a pronoun inside its clause, nor one of another
    /// gender, nor a mother's in a maternity note (she is the patient there).
    func testAPronounsConsentAfterAParentIsTheGuardians() throws {
        let by = try consentGiver()
        XCTAssertEqual(by("Phone visit, otorrhea.\nMom on the line from home with pt. She agreed to handle this as a telephone visit today.\nJo Lee, MD"), "guardian")
        XCTAssertEqual(by("Phone visit, asthma.\nDad was asked about a telephone visit. He consented to this verbally.\nJo Lee, MD"), "guardian")
        XCTAssertEqual(by("Phone visit, otorrhea.\nMom on the line from home with pt. He agreed to handle this as a telephone visit today.\nJo Lee, MD"), "patient")
        // Inside its clause the pronoun is the clause's own subject's, read by the rules.
        let inside = Array("Video visit. Mom stepped out and she agreed to the video visit.".utf8)
        inside.withUnsafeBufferPointer { XCTAssertNil(ConsentPronoun.by(for: 36..<62, in: $0)) }
        let opening = Array("Video visit. Mom stepped out. She agreed to the video visit.".utf8)
        opening.withUnsafeBufferPointer { XCTAssertEqual(ConsentPronoun.by(for: 34..<59, in: $0), "guardian") }
        XCTAssertEqual(by("Postnatal review over video.\nMother is at her house with the baby. She has given verbal consent for the consultation by video.\nJo Lee, CNM"), "patient")
        // A sentence that made the relative the guardian may end the line before.
        XCTAssertEqual(by("Telephone visit, 6 y, established.\nKayden lives with his grandmother, Loretta Bright, who has had legal guardianship since 2023.\nShe was home with him during the call and agreed to do the visit over the phone.\nJo Lee, MD"), "guardian")
        // The clause before may end its line with a stop ("... on speaker.\nShe gave ...").
        XCTAssertEqual(by("Telepsychiatry, 15 y, detention center.\nHis mother, Ms. Yolanda Price, was reached by phone and joined on speaker.\nShe gave verbal consent for today's telepsychiatry visit; Jalen assented.\nJo Lee, MD"), "guardian")
        XCTAssertEqual(by("Telepsychiatry, 15 y, detention center.\nHis mother was not reached by phone today.\n\nHe gave verbal consent for today's telepsychiatry visit.\nJo Lee, MD"), "patient")
        // Not across a blank line.
        XCTAssertEqual(by("Telephone visit, 6 y, established.\nKayden lives with his grandmother, Loretta Bright, who has had legal guardianship since 2023.\n\nShe was home with him during the call and agreed to do the visit over the phone.\nJo Lee, MD"), "patient")
        // s64: a relative or a titled name that its clause makes the proxy, over a clause of the
        // clinician's that holds the pronoun as its object or one whose subject is of the other
        // gender; a wrapped line ends no clause.
        XCTAssertEqual(by("Video wound visit, resident in her room.\nConsent: Mrs. Brandt cannot weigh the decision. Her son Gerhard Brandt is\nher health care proxy (document on file). I called him at 13:50; he agreed to today's video wound visit.\nJo Lee, MD"), "guardian")
        XCTAssertEqual(by("Phone visit, dementia follow-up.\nHer son, Raymond Diaz, is her health care proxy and was on speakerphone with her.\nMrs. Diaz was pleasant and recognized his voice.\nHe was okay with us doing the visit by phone.\nJo Lee, MD"), "guardian")
        // Not a son who is no proxy, nor a clinician's clause about the patient's things.
        XCTAssertEqual(by("Phone visit, dementia follow-up.\nHer son, Raymond Diaz, was on speakerphone with her.\nMrs. Diaz was pleasant and recognized his voice.\nHe was okay with us doing the visit by phone.\nJo Lee, MD"), "patient")
        XCTAssertEqual(by("Video visit, 16 y.\nHer mother is her legal guardian and was at work.\nI reviewed her labs with her.\nShe agreed to the video visit.\nJo Lee, MD"), "patient")
    }

    /// A "Photo review:" heading is a store-and-forward review only in a note that names an
    /// e-visit or the portal (the rule's note gate, which `rules check` examples cannot show): a
    /// retina video visit's "Image review:" keeps its video.
    func testAPhotoReviewHeadingIsStoreAndForwardOnlyInAnEVisit() throws {
        let scanner = try NoteScanner.forTests()
        let evisit = scanner.scan(text: "Portal e-visit, patient-initiated.\nPhoto review: annular plaque 3 cm with a scaly border.\nReply sent. 6 min.\nJo Lee, MD")
        XCTAssertEqual(evisit.elements.modality?.value, "store_and_forward")
        let video = scanner.scan(text: "Video visit, diabetic eye follow-up.\nImage review: OD dot-blot hemorrhages.\nPt at home, consented. 20 min.\nJo Lee, MD")
        XCTAssertEqual(video.elements.modality?.value, "audio_video")
    }

    /// s53: an e-visit whose photos themselves were reviewed, in a line after the one that
    /// sent them, is a store-and-forward review though the portal is named first
    /// (`ElementResolver.alignModality`); the same review before a call back in a check-in
    /// leaves the call's technology, and an e-visit of messages only stays a message.
    func testReviewedPhotosMakeAnEVisitStoreAndForwardOnly() throws {
        let scanner = try NoteScanner.forTests()
        let evisit = scanner.scan(text: "E-VISIT (Portal)\nPatient message: I attached 2 pictures of the blister. Do I need to come in?\n[02/03 12:30] Reviewed both images. Intact serous blister, no cellulitis.\nReply sent with care advice.\nCumulative time over 7 days: 12 minutes.\nJo Lee, DPM")
        XCTAssertEqual(evisit.service, .eVisit)
        XCTAssertEqual(evisit.elements.modality?.value, "store_and_forward")
        let messages = scanner.scan(text: "E-VISIT (Portal)\nPatient message: is it OK to take ibuprofen with my lisinopril?\nReviewed her medication list and replied with advice.\nCumulative time over 7 days: 8 minutes.\nJo Lee, MD")
        XCTAssertEqual(messages.elements.modality?.value, "online_message")
        let checkin = scanner.scan(text: "Brief virtual check-in\nEstablished pt, 8 days old.\nInitiated by: mother, who sent photos via portal this AM asking if baby looks more yellow.\n\nReviewed photos then called mom back by phone. Mom agreed to the brief check-in by phone.\nTime: 7 min of medical discussion.\nJo Lee, DO")
        XCTAssertEqual(checkin.elements.modality?.value, "audio_only")
    }

    /// An e-consult is a contact without the patient, unless the note also documents a visit
    /// with the patient (the consult converted to a video visit, a monitoring month that
    /// mentions the consultant's reply).
    func testAnEConsultNamedInAVisitOrAMonthIsThatService() throws {
        let scanner = try NoteScanner.forTests()
        let consult = scanner.scan(text: "Interprofessional e-consult (written) - nephrology.\nQuestion from Dr. Ames about CKD stage 3b. Chart reviewed, reply sent. 14 minutes.\nJo Lee, MD")
        XCTAssertNil(consult.service)
        let converted = scanner.scan(text: "E-consult converted to video visit - 10/06/2026\nThe patient joined a video visit with me this afternoon from her home. She consented to being seen by video.\nTotal time 30 minutes.\nJo Lee, MD")
        XCTAssertEqual(converted.service, .telemedicineVisit)
        let month = scanner.scan(text: "RPM - Heart failure (scale + BP cuff)\nPeriod: 03/01/2026 - 03/31/2026\nDays with device readings: 18\nCardiologist's e-consult reply (03/10) agreed with the diuretic plan.\nManagement minutes this month: 40\nJo Lee, NP")
        XCTAssertEqual(month.service, .remoteMonitoring)
    }

    /// A live visit with the patient's place and a level of decision making is that visit,
    /// though it reviews a monitoring program's data; a month of the program is still the month.
    func testAVisitWithDecisionMakingThatReviewsMonitoringDataIsTheVisit() throws {
        let visit = "HF clinic - telehealth visit note\nVisit conducted via synchronous audio-video. Patient located at his home.\nCC: HFrEF follow-up; RPM weight and BP review. Scale readings on 26 of 31 days.\n"
        let month = "Remote Patient Monitoring - Monthly Review\nDays with readings: 22. Called her by video to review her weights; she is at home.\nManagement time this month: 25 minutes. MDM: low.\nJo Lee, NP"
        try assertServices([(visit + "Medical decision making: moderate complexity.\nJo Lee, MD", .telemedicineVisit),
                            (visit + "Jo Lee, MD", .remoteMonitoring), (month, .remoteMonitoring)])
        XCTAssertEqual(try NoteScanner.forTests().scan(text: visit + "MDM: moderate.\nJo Lee, MD").elements.modality?.value, "audio_video")
    }

    /// Staff who sign below a clinician's signed visit wrote a later entry of their own: the
    /// clinician performed the visit. A clinician who signs after staff attests to their work;
    /// staff alone make a staff call.
    func testStaffSigningAfterAClinicianLeaveTheClinicianThePerformer() throws {
        let scanner = try NoteScanner.forTests()
        let visit = "6/3/25 0910 Video visit, f/u HTN. Pt at home, agrees to do it by video. 12 min. -- Ruth Osei, MD\n"
        let call = "6/3/25 1540 Pt LVM re refill amlodipine, 90d sent to CVS. -- T. Kowalczyk, LPN\n"
        let both = scanner.scan(text: visit + call)
        XCTAssertEqual(both.service, .telemedicineVisit)
        XCTAssertEqual(both.elements.performingProvider?.value.name, "Ruth Osei")
        let callOnly = scanner.scan(text: "Phone call with pt re refill, 6 min, pt at home, agreed to the call.\nSigned: Teresa Dunleavy, RN")
        XCTAssertNil(callOnly.service)
        let cosigned = scanner.scan(text: "Video visit, pt at home, consented. 15 min.\nSigned: Teresa Dunleavy, RN\nSigned: Ruth Osei, MD")
        XCTAssertEqual(cosigned.elements.performingProvider?.value.name, "Ruth Osei")
        let referrer = scanner.scan(text: "DSMES follow-up, in person.\nReferring: Dr. Marguerite Dunleavy, DO.\nTotal time: 60 minutes face-to-face.\n\nBettina Marsh, RN, CDCES")
        XCTAssertEqual(referrer.elements.performingProvider?.value.name, "Bettina Marsh")
        // a name and credential read inside a line (a note in capitals) signs no entry
        let capitals = scanner.scan(text: "DENTAL TRIAGE - TELEPHONE\nCALLER: PT, SERAFINA LINDGREN-OBI, 27F, EST DENTAL PT\nC/C: TOOTH PAIN 3 DAYS. SCHEDULED EMERGENCY SLOT TOMORROW.\nCALL 5 MIN.\nYESENIA PRADO, RDA")
        XCTAssertNil(capitals.service)
        XCTAssertNotEqual(capitals.elements.performingProvider?.value.credential, "PT")
    }

    /// A portal message named first that asked for a visit the note documents by phone is not
    /// the note's technology; an e-visit that mentions one call is still an e-visit.
    func testAMessageThatLedToAPhoneVisitGivesThePhone() throws {
        let scanner = try NoteScanner.forTests()
        let visit = scanner.scan(text: "Encounter date 10/02/2025\nPatient: Annalise Bjornstad   29 F   established (seen 05/2025 for physical)\n\nPortal message 10/02 08:20 (patient): \"Burning when I pee since yesterday, going every hour. I think it's a UTI again. I had one in March.\"\nReply 08:55 (G. Ames NP): \"Sorry you're dealing with this. I'd like to ask a few questions before sending anything in - I'll call you at 1 pm for a phone visit.\"\n\nPHONE VISIT 13:00-13:16\nReached her at her desk at work (bank branch downtown). She'd rather not be on video in the middle of the office, so we did the visit by phone.\nDysuria, frequency, urgency x 1 day. No fever, no flank pain, no vaginal discharge or itching, no new partner. LMP 2 wks ago, on OCP, not pregnant per her. One UTI in March treated with nitrofurantoin, worked well. No recent antibiotics since.\nAssessment: acute uncomplicated cystitis.\n16 min total today.\n\nGwendolyn Ames, NP   10/02/2025 13:31\n\nPortal 10/04 (patient): \"Much better, thank you!\" - no reply needed.\n")
        XCTAssertEqual(visit.service, .telemedicineVisit)
        XCTAssertEqual(visit.elements.modality?.value, "audio_only")
        let eVisit = scanner.scan(text: "Portal e-visit. Patient message about a rash; reviewed the history and replied through the portal with a plan. Cumulative time over 7 days: 12 minutes.\nJo Lee, NP")
        XCTAssertEqual(eVisit.service, .eVisit)
    }

    /// A relative who agrees "on her mother's behalf" (the possessive may be split by a line
    /// break) is not the patient; a parent who opens a long sentence, with her role after her
    /// name, is the guardian.
    func testAConsentOnARelativesBehalfOrByAParentNamedWithHerRole() throws {
        let by = try consentGiver()
        XCTAssertEqual(by("Phone visit. Pt at home. 20 min.\nMrs. Haddad is very hard of hearing; Leila answered most questions and agreed, on her mother's\nbehalf, to having the visit by telephone.\nJo Lee, MD"), "other")
        XCTAssertEqual(by("Phone visit. Pt at home. 20 min.\nDad consented on his son's behalf to the video visit.\nJo Lee, MD"), "guardian")
        XCTAssertEqual(by("Video visit. Child at home. 30 min.\nMom, Dalia Quiroga (parent/legal guardian), was beside him the whole session and okayed doing today's therapy over video.\nJo Lee, SLP"), "guardian")
        XCTAssertEqual(by("Phone visit. Pt at home. 20 min.\nShe agreed to the phone visit; her son's behalf was not needed.\nJo Lee, MD"), "patient")
        // A full stop inside a word ("Doxy.me") ends no sentence, so the father stays its subject.
        XCTAssertEqual(by("Video visit. Pt (9 y/o) joined from school. 20 min.\nFather joined the same Doxy.me room from his workplace and gave consent for the video visit.\nJo Lee, MD"), "guardian")
    }

    /// A consent given in a name whose role the note tells only after it ("Robert, her husband,
    /// keeps the BP log", "Anthony (son) is her health care proxy", "Per the chart, Greg is her
    /// health care proxy", "Kevin, who is Jayden's father"), the given name read for a full name;
    /// not a name beside another subject ("with his wife, Ilse, and agreed"), nor a spouse of the
    /// patient's hyphenated surname under another title.
    func testARelativesRoleToldAfterTheConsent() throws {
        let by = try consentGiver()
        XCTAssertEqual(by("Phone visit. Pt at home. 20 min.\nRobert Kowalski answered and gave verbal consent for a phone visit.\nS: Robert, her husband, keeps the BP log.\nJo Lee, MD"), "other")
        XCTAssertEqual(by("Video visit. Pt in her room at the facility. 20 min.\nAnthony Russo gave consent by phone for the video consult.\nAnthony (son) is her health care proxy.\nJo Lee, MD"), "guardian")
        XCTAssertEqual(by("Virtual check-in (telephone). Pt at home. 12 min.\nGreg Tomlinson called; consent for a brief check-in obtained from Greg.\nPer the chart, Greg is her health care proxy.\nJo Lee, MD"), "guardian")
        XCTAssertEqual(by("Phone visit. Pt at home. 15 min.\nKevin gave the OK to go ahead by phone.\nKevin, who is Jayden's father, says the cough is worse.\nJo Lee, MD"), "guardian")
        XCTAssertEqual(by("Video visit. 20 min.\nMr. Achenbach joined by video from home with his wife, Ilse, and agreed to have the visit by video.\nJo Lee, MD"), "patient")
        XCTAssertEqual(by("Participants: Mr. Henrik Solberg-Mensah (PATIENT), Mrs. Ingrid Solberg-Mensah (SPOUSE)\nMr. Solberg-Mensah agreed to today's visit by video, from his living room at home. 20 min.\nJo Lee, MD"), "patient")
        // A role word is no name: the wife is not the daughter who holds the POA.
        XCTAssertEqual(by("Phone f/u.\nWife is his caregiver (daughter is POA). Wife answered and agreed to the phone visit on his behalf.\nPt at home. 18 min.\nJo Lee, MD"), "other")
    }

    /// A note headed as a face-to-face visit whose no-encounter words come later (the front
    /// desk's cancellation of the next visit, appended) is that office visit; a first paragraph
    /// that says "in person" is no heading.
    func testAHeadedOfficeVisitWithALaterCancellationIsTheOfficeVisit() throws {
        try assertServices([
            ("MEDICARE ANNUAL WELLNESS VISIT (subsequent) - in office\nDate: 05/08/2025\n\nHealth risk assessment reviewed. Falls: none.\nVitals: BP 136/78.\nFollow-up: video visit in 3 months.\n\nCornelius Vance, MD    05/08/2025\n\n---------\n07/29/2025 11:02 - Front desk: pt called to cancel the 08/07 video visit, traveling.", .inPerson),
            // no heading: the first line is a paragraph
            ("I rang Mr. Oduya at ten o'clock for his planned telephone visit. He would rather wait to be seen in person; he did not consent to a phone visit, so he called to cancel and will rebook.\nJo Lee, MD", nil),
        ])
    }

    /// A word that runs past the window the pronoun is looked for in is read whole: "herself"
    /// just after a short consent span is no "he" (cut there, it was, and its start past the
    /// span's end trapped the scan: "Pt consented herself." stopped the whole run).
    func testAWordCutByThePronounWindowIsNoPronoun() throws {
        let text = Array("Mom on the line. Pt consented herself.".utf8)
        text.withUnsafeBufferPointer { XCTAssertNil(ConsentPronoun.by(for: 20..<29, in: $0)) }
        let by = try consentGiver()
        XCTAssertEqual(by("Video visit.\nPt consented herself.\nJo Lee, MD"), "patient")
        XCTAssertEqual(by("Video visit.\nDad on the line. Pt (17 y/o) consented herself; mom also present.\nJo Lee, MD"), "patient")
    }

    /// A role word a name pattern took in is no part of the name; a two-word name is kept whole.
    func testARoleWordBeforeANameIsDropped() throws {
        XCTAssertEqual(ElementResolver.withoutRole("Psychiatrist Priyanka Seth"), "Priyanka Seth")
        XCTAssertEqual(ElementResolver.withoutRole("PCP Gideon Marsh"), "Gideon Marsh")
        XCTAssertEqual(ElementResolver.withoutRole("Nurse Beth Kowalczyk"), "Beth Kowalczyk")
        XCTAssertEqual(ElementResolver.withoutRole("Dermatologist Hyun-woo Castellanos"), "Hyun-woo Castellanos")
        XCTAssertEqual(ElementResolver.withoutRole("Nurse Jackie"), "Nurse Jackie")
        XCTAssertEqual(ElementResolver.withoutRole("Mary Ann Rivera"), "Mary Ann Rivera")
        XCTAssertEqual(ElementResolver.withoutRole("Incident-to Martin Osei"), "Martin Osei")
        XCTAssertEqual(ElementResolver.withoutRole("Ma. Cristina Dizon"), "Ma. Cristina Dizon")
        XCTAssertEqual(ElementResolver.withoutRole("MA Jordan Petit"), "Jordan Petit")
        let scanner = try NoteScanner.forTests()
        let r = scanner.scan(text: "Video visit, patient at home, verbal consent. Total time 30 min.\nPsychiatrist Priyanka Seth, MD")
        XCTAssertEqual(r.elements.performingProvider?.value.name, "Priyanka Seth")
    }

    /// A switch whose other technology is mentioned only as voided (the video scheduled, then
    /// declined) used the affirmed one; a switch between two used technologies with no majority
    /// stays ambiguous.
    func testASwitchFromAVoidedTechnologyUsedTheOther() throws {
        let scanner = try NoteScanner.forTests()
        let declined = "Endocrinology follow-up - telehealth\nScheduled as a video visit. Patient declined video (did not want to be on camera today); visit converted to telephone, audio only. Patient at home. Verbal consent obtained.\nTime: 22 min total.\nJo Lee, MD"
        let both = "Telehealth visit: started via video on Doxy.me, later converted to phone. Patient at home. Patient agreed to the telehealth visit.\nTotal time: 20 minutes\nJo Lee, MD"
        // A chat converted to the one live technology the note names used that technology; not
        // one that names the live technology before the switch.
        let chat = "Halo Health app - clinician chat converted to telephone visit\nHe is at home. Derrick gave verbal consent to finish the visit as a phone call.\nTime: 19 minutes total.\nJo Lee, NP"
        let chatThenBoth = "Telehealth visit: clinician chat first, then started via video on Doxy.me, later converted to phone. Patient at home. Patient agreed to the telehealth visit.\nTotal time: 20 minutes\nJo Lee, MD"
        for text in [declined, chat] {
            let r = scanner.scan(text: text)
            XCTAssertEqual(r.elements.modality?.value, "audio_only", text)
            XCTAssertFalse(r.elements.modalityAmbiguous, text)
        }
        for text in [both, chatThenBoth] { XCTAssertTrue(scanner.scan(text: text).elements.modalityAmbiguous, text) }
    }

    /// A note that tells only how the visit moved between video and phone ("started on video,
    /// it kept freezing so we finished by phone"), or which of them carried most of it, is a
    /// telemedicine visit, however plainly each technology is named; a lone plain mention is not.
    func testASwitchOrAMajorityAloneIsAVisit() throws {
        let scanner = try NoteScanner.forTests()
        let cases: [(String, Service?, String?)] = [
            ("Started on video, it kept freezing so we finished by phone, most of the visit by phone.\nRash improving.\nJo Lee, MD", .telemedicineVisit, "audio_only"),
            ("Only a few minutes on video before it froze; the bulk of the review was by phone.\nRash improving.\nJo Lee, MD", .telemedicineVisit, "audio_only"),
            ("Call began on the phone; after a few minutes we switched to video and stayed on camera for most of the visit.\nRash improving.\nJo Lee, MD", .telemedicineVisit, "audio_video"),
            ("Spoke with the pharmacy by phone about the refill.\nRash improving.\nJo Lee, MD", nil, nil),
        ]
        for (note, service, modality) in cases {
            let r = scanner.scan(text: note)
            XCTAssertEqual(r.service, service, note)
            XCTAssertEqual(r.elements.modality?.value, modality, note)
        }
    }

    /// A unit after a number ends a terse statement ("45 min. next in 4 wks."), so the plan's
    /// "in 4 wks" does not make the minutes hypothetical; "3 wks. ago" stays one sentence.
    func testAUnitAfterANumberEndsATerseStatement() throws {
        let lex = try Repo.lexiconSet()
        let splitter = SentenceSplitter(lexicons: lex)
        func sentences(_ s: String) -> [String] {
            let bytes = Array(s.utf8)
            return bytes.withUnsafeBufferPointer { buf in splitter.split(buf).units.map { String(decoding: bytes[$0.range], as: UTF8.self) } }
        }
        XCTAssertEqual(sentences("went over the plate method. 45 min. next in 4 wks."), ["went over the plate method.", "45 min.", "next in 4 wks."])
        XCTAssertEqual(sentences("knee pain started 3 wks. ago after a fall."), ["knee pain started 3 wks. ago after a fall."])
        XCTAssertEqual(sentences("spent 20 min. of counseling today."), ["spent 20 min. of counseling today."])
        // A clock's "pm" too: "wet diaper 9 pm. Mom agreed" is two statements, so the first one's
        // "no" does not negate the consent; "9 am. to 5 pm." stays one.
        XCTAssertEqual(sentences("no diarrhea, wet diaper 9 pm. Mom agreed to a phone eval."), ["no diarrhea, wet diaper 9 pm.", "Mom agreed to a phone eval."])
        XCTAssertEqual(sentences("open 9 am. to 5 pm."), ["open 9 am. to 5 pm."])
        // A one-letter unit ("24 h.", "3 d.") after a number is no initial.
        XCTAssertEqual(sentences("No visit needed within 24 h. Medical discussion time: 8 minutes."), ["No visit needed within 24 h.", "Medical discussion time: 8 minutes."])
        XCTAssertEqual(sentences("Seen by J. Smith today."), ["Seen by J. Smith today."])
        let scanner = try NoteScanner.forTests()
        let r = scanner.scan(text: "Nutrition f/u on video, pt at home, ok with video. down 6 lb. 45 min. next in 4 wks.\nHarriet Lowe RD")
        XCTAssertEqual(r.elements.time?.value, 45)
    }

    /// "appt." (like "pt.") closes a terse statement before an amount of time or a statement
    /// word, so "no need for appt." does not negate the minutes after it; "next appt. 3/12"
    /// and "appt. scheduled" stay one sentence.
    func testAnAppointmentAbbreviationEndsATerseStatement() throws {
        let lex = try Repo.lexiconSet()
        let splitter = SentenceSplitter(lexicons: lex)
        func sentences(_ s: String) -> [String] {
            let bytes = Array(s.utf8)
            return bytes.withUnsafeBufferPointer { buf in splitter.split(buf).units.map { String(decoding: bytes[$0.range], as: UTF8.self) } }
        }
        XCTAssertEqual(sentences("rash better, no need for appt. 9 min on phone."), ["rash better, no need for appt.", "9 min on phone."])
        XCTAssertEqual(sentences("no appt. 12mins on phone."), ["no appt.", "12mins on phone."])
        XCTAssertEqual(sentences("no f/u appt. pt agrees."), ["no f/u appt.", "pt agrees."])
        XCTAssertEqual(sentences("declined by pt. 10 minutes total."), ["declined by pt.", "10 minutes total."])
        XCTAssertEqual(sentences("next appt. 3/12 at 2 pm with Dr. Lee."), ["next appt. 3/12 at 2 pm with Dr. Lee."])
        XCTAssertEqual(sentences("next appt. 3 wks from now."), ["next appt. 3 wks from now."])
        XCTAssertEqual(sentences("f/u appt. scheduled for May."), ["f/u appt. scheduled for May."])
        XCTAssertEqual(sentences("Spoke with pt. about her meds."), ["Spoke with pt. about her meds."])
        XCTAssertEqual(sentences("She asked if it needs an appt. OK'd this quick phone check-in."),
                       ["She asked if it needs an appt.", "OK'd this quick phone check-in."])
    }

    /// A terse note: "video declined by pt." declines the video only, not the place earlier in
    /// the clause, and "pt." closes its statement before "consent obtained", which stays
    /// affirmed; "Pt. was seen" stays one sentence.
    func testATerseDeclinedVideoDeclinesOnlyTheVideo() throws {
        let scanner = try NoteScanner.forTests()
        let r = scanner.scan(text: "audio-only f/u, pt at home, BP 130s, video declined by pt. consent obtained. 12 min. mdm low. Thomas Grady, PA-C")
        XCTAssertEqual(r.elements.consent?.value.value, "documented")
        XCTAssertEqual(r.elements.patientLocation?.value, "home")
        XCTAssertNotNil(r.elements.audioOnlyReason)
        let declined = scanner.scan(text: "Video visit offered, declined by pt. Will come in next week. Jo Lee, MD")
        XCTAssertNil(declined.elements.modality)
        // A comma before a new statement ends a forward negation ("not working ..., verbal
        // consent"); a comma inside a list does not ("no video, camera or app").
        let camera = scanner.scan(text: "telephone visit new pt, pt at home, camera not working on pt's phone, verbal consent, 35 min. Elena Vasquez MD")
        XCTAssertEqual(camera.elements.consent?.value.value, "documented")
        let list = scanner.scan(text: "Phone visit. Pt has no video, camera or app. Verbal consent. Pt at home. 20 min. Jo Lee, MD")
        XCTAssertEqual(list.elements.modality?.value, "audio_only")
    }

    /// A stated majority that names a part of the visit ("the rest of the visit on video")
    /// after the other technology says the visit changed technology; one that names the whole
    /// visit (an interpreter "by phone entire visit; pt + me on video") settles the technology
    /// and is no switch.
    func testAStatedPartOfTheVisitOnAnotherTechnologyIsASwitch() throws {
        let scanner = try NoteScanner.forTests()
        let part = scanner.scan(text: "Thanks for your patience at the start of today's visit. For the first couple of minutes we could only hear each other over the phone while your camera warmed up, and then we did the rest of the visit on video. You were at home and happy to meet this way. I spent 30 minutes on your care today.\nDr. Ana Ruiz, MD")
        XCTAssertEqual(part.elements.modality?.value, "audio_video")
        XCTAssertEqual(part.elements.modalitySwitch?.value, true)
        let whole = scanner.scan(text: "Video f/u DM2.\nInterp: Spanish, Rosa, on conf line by phone entire visit; pt + me on video.\nPt at home, verbal consent. 20 min. Jo Lee, MD")
        XCTAssertEqual(whole.elements.modality?.value, "audio_video")
        XCTAssertNil(whole.elements.modalitySwitch)
    }

    /// A monitoring month's technology is the monitoring itself, even when no phrase names it
    /// ("Days with a weight reading: 26" made the service) and a nurse's call by phone is told
    /// within it.
    func testAMonitoringMonthHasTheMonitoringAsItsModality() throws {
        let scanner = try NoteScanner.forTests()
        let r = scanner.scan(text: "Heart Failure Home Monitoring - Your October Summary\nDays with a weight reading: 26 out of 31.\nOur nurse called you by phone on October 18 about a 3-pound jump.\nI spent 41 minutes this month reviewing your readings.\nJo Lee, MD")
        XCTAssertEqual(r.service, .remoteMonitoring)
        XCTAssertEqual(r.elements.modality?.value, "remote_monitoring")
        XCTAssertFalse(r.elements.modality?.evidence.isEmpty ?? true)
    }

    /// An office visit written as a clinic note, with its minutes, is that visit even when it
    /// says "No telehealth visit took place" (it was booked as video); a coordination note that
    /// only names an "ED visit" and a "clinic visit" stays no encounter.
    func testAnOfficeVisitBookedAsVideoIsInPerson() throws {
        let scanner = try NoteScanner.forTests()
        let office = "Office Visit\nPatient: Saoirse Tennant, 31 F (established)\n\nNote: this appointment was originally scheduled as a video visit. Patient was already in the building and asked to be seen in person, so the visit was done face to face in exam room 2. No telehealth visit took place.\n\nCC: recheck after iron deficiency anemia treatment.\nExam: HR 78, no murmur.\nA/P: continue iron 3 more months.\n\nTotal time 22 minutes.\nDesmond Clarke, DO"
        XCTAssertEqual(scanner.scan(text: office).service, .inPerson)
        let coordination = "Social Work - Care Coordination\nPt (ED visit 06/13, new DM2 dx) unable to get to pharmacy.\n- Called pharmacy: meds ready. Arranged delivery.\n- Set up transport for bridge clinic visit 06/18 10:00.\n- Called pt's mobile, no answer; LVM.\nTotal SW time 35 min.\nRenata Oduya-Strand, LCSW"
        XCTAssertNil(scanner.scan(text: coordination).service)
        // An intake call that offers a video or an in-person slot stays no encounter.
        let intake = "INTAKE SCREENING CALL (non-clinical staff)\n01/12/2026 10:40-10:55\nCaller self-referred. Insurance verified. Offered first intake: 01/15 at 1 PM by video with a counselor, or 01/20 in person; caller chose video.\n- Maribel Oyelaran, Intake Coordinator"
        XCTAssertNil(scanner.scan(text: intake).service)
    }

    /// A video visit that reviews the month's monitoring readings, told only by their count of
    /// days, is the video visit; a monitoring month titled as such stays the month.
    func testAVideoVisitReviewingMonitoringReadingsIsTheVisit() throws {
        let scanner = try NoteScanner.forTests()
        let visit = "TELEHEALTH VIDEO VISIT\nSetting: pt at home, joined by video on his tablet. Pt consented to the telehealth visit.\nHe is enrolled in our remote BP monitoring program (separate monthly billing). Reviewed his cuff data with him today: 26 days of readings so far this month.\nTotal time today: 28 minutes.\nColette Dumas, NP"
        XCTAssertEqual(scanner.scan(text: visit).service, .telemedicineVisit)
        let month = "Remote Patient Monitoring - October summary\nBP cuff: 26 days of readings this month. I called him by phone on 10/12 about two high readings.\nManagement time this month: 24 minutes.\nColette Dumas, NP"
        XCTAssertEqual(scanner.scan(text: month).service, .remoteMonitoring)
    }

    func testShortCallsOfNoEncounterDocumentsStayNoEncounter() throws {
        let scanner = try NoteScanner.forTests()
        let booking = "Scheduling - Phone Note\nPt called to book a follow-up; chose a telephone visit (no webcam). She will be at home for the call and is ok with a phone visit.\nCall length 3 min.\nJo Lee, PA-C"
        XCTAssertNil(scanner.scan(text: booking).service)
        let voicemail = "Telephone call - results\nCalled patient about the ultrasound. Reached voicemail; left a message to call back.\nCall length about 1 minute.\nJo Lee, PA-C"
        XCTAssertNil(scanner.scan(text: voicemail).service)
        let checkin = "Virtual check-in by phone. Patient left a message; I called back and we discussed her rash for 8 minutes. Established patient; consent obtained.\nJo Lee, PA-C"
        XCTAssertEqual(scanner.scan(text: checkin).service, .virtualCheckin)
    }

    func testOffsetsAreUnicodeScalars() throws {
        let scanner = try NoteScanner.forTests()
        let note = "José Núñez — ≥ 65 y/o. Seen by video visit today. I spent 25 minutes with him.\nElectronically signed by Zoë Ångström, MD"
        let r = scanner.scan(text: note)
        let scalars = Array(note.unicodeScalars)
        var checked = 0
        for span in [r.elements.modality?.evidence, r.elements.time?.evidence, r.elements.performingProvider?.evidence].compactMap({ $0 }).flatMap({ $0 }) {
            let ev = r.evidence(span)
            XCTAssertEqual(ev.quote, String(String.UnicodeScalarView(scalars[ev.start..<ev.end])))
            checked += 1
        }
        XCTAssertEqual(checked, 3)
        XCTAssertEqual(r.elements.performingProvider?.value.name, "Zoë Ångström")
        XCTAssertEqual(r.elements.time?.value, 25)
    }

    /// A pattern may take the line break, the spaces or the HTML tags around its words
    /// (`time.key_value` ends in `\s*` before an optional unit, `consent.key_value` may start at
    /// a line break); the evidence a reviewer reads is the words: no whitespace, no-break space
    /// or masked tag at either end of a finding's span.
    func testEvidenceHasNoWhitespaceAtItsEnds() throws {
        let scanner = try NoteScanner.forTests(keepFindings: true)
        let notes = [
            "Telephone visit, pt at home, no wifi so no video.\r\nConsent: verbal\r\nMinutes: 15\n\nProvider location: clinic office\r\nAna Ruiz, MD",
            "Video visit. Patient location: home. Time spent (minutes): 24 \nconsent=yes\u{a0}\nAna Ruiz, MD",
            "<p><b>Video visit</b></p><p><b>Consent:</b> verbal</p><br><p><b>Provider Location:</b> Riverside Family Medicine, office 3</p><br><p>Total minutes\t22</p>\n\nAna Ruiz, MD",
        ]
        var quotes = 0
        for note in notes {
            let r = scanner.scan(text: note)
            XCTAssertNotNil(r.elements.consent, note)
            XCTAssertNotNil(r.elements.time, note)
            for f in r.findings {
                let q = r.evidence(f.span).quote
                quotes += 1
                XCTAssertEqual(q, q.trimmingCharacters(in: .whitespacesAndNewlines), "\(f.ruleID) in \(note.debugDescription)")
                XCTAssertFalse(q.hasPrefix("<") || q.hasSuffix(">"), "\(f.ruleID): \(q.debugDescription)")
            }
        }
        XCTAssertGreaterThan(quotes, 12)
    }

    /// Em dashes and curly quotes next to a key word (Epic and Word exports are full of them).
    func testElementsNextToNonASCIIPunctuationAreFound() throws {
        let note = "Video visit—pt consented. Patient at home—daughter present. Total time: 20 minutes.\nTomas Lindqvist, MD—Cardiology"
        let r = try NoteScanner.forTests().scan(text: note)
        XCTAssertEqual(r.elements.patientLocation?.value, "home")
        XCTAssertEqual(r.elements.performingProvider?.value.name, "Tomas Lindqvist")
        XCTAssertEqual(r.elements.performingProvider?.value.credential, "MD")
        XCTAssertEqual(r.elements.modality?.value, "audio_video")
    }

    /// Time written as its parts with no total adds up; a stated total wins over the parts.
    func testTimePartsAddUpUnlessATotalIsStated() throws {
        let scanner = try NoteScanner.forTests()
        let parts = "Video visit, pt at home. Time on date of service: 15 min reviewing records, 20 min on video with the patient, 5 min documenting after.\nAna Ruiz, MD"
        XCTAssertEqual(scanner.scan(text: parts).elements.time?.value, 40)
        let total = parts.replacingOccurrences(of: "after.", with: "after. Total time: 38 minutes.")
        XCTAssertEqual(scanner.scan(text: total).elements.time?.value, 38)
    }

    /// coding-rules 1.3: a check-in that leads to an E/M visit within 24 hours (or follows a related
    /// one within 7 days) is part of that visit: no code, and a warning that says why.
    func testBundledCheckInGetsNoCode() throws {
        let scanner = try NoteScanner.forTests()
        let base = "Virtual check-in (phone). Established patient. Consent: verbal, patient.\nDysuria x2 days.\nMinutes of medical discussion: 7\nTobias Renn, MD"
        let alone = scanner.scan(text: base)
        XCTAssertEqual(alone.status, .ready)
        XCTAssertEqual(alone.decision.codes.map(\.code), ["98016"])
        for bundled in ["Booked office visit tomorrow 08:30: this check-in leads to that E/M visit and is not reported separately.",
                        "Related to the E/M visit of 06/11 (within the previous 7 days)."] {
            let r = scanner.scan(text: base + "\n" + bundled)
            XCTAssertEqual(r.service, .virtualCheckin, bundled)
            XCTAssertEqual(r.status, .needsQuery, bundled)
            XCTAssertTrue(r.decision.codes.isEmpty, bundled)
            XCTAssertTrue(r.decision.missing.isEmpty, bundled)
            XCTAssertEqual(r.warnings, ["CHECKIN_BUNDLED"], bundled)
        }
        let answeredNo = scanner.scan(text: base + "\nRelated E/M in the past 7 days: No\nLeads to an E/M visit within 24 hours: No")
        XCTAssertEqual(answeredNo.decision.codes.map(\.code), ["98016"])
    }

    /// A consent sentence the note retracts as template text documents nothing; one after it counts.
    func testRetractedTemplateConsentDocumentsNothing() throws {
        let scanner = try NoteScanner.forTests()
        let note = "Video visit. Telehealth consent: The patient agrees to receive care via telehealth. (auto-text)\nAddendum: the consent statement above was inserted by the template; consent was not actually discussed.\nPatient at home. Time: 25 min\nAna Ruiz, MD"
        XCTAssertNil(scanner.scan(text: note).elements.consent)
        XCTAssertEqual(scanner.scan(text: note.replacingOccurrences(of: "Patient at home.", with: "Verbal consent obtained at 10:05. Patient at home.")).elements.consent?.value.value, "documented")
        XCTAssertEqual(scanner.scan(text: note.replacingOccurrences(of: "\nAddendum: the consent statement above was inserted by the template; consent was not actually discussed.", with: "")).elements.consent?.value.value, "documented")
    }

    /// A pasted attestation the note says does not apply is void as a whole paragraph, the lines
    /// before the retraction included; the paragraph after a blank line is not.
    func testRetractedAttestationParagraphIsVoid() throws {
        let scanner = try NoteScanner.forTests()
        let office = "OFFICE VISIT\nPatient seen in clinic today. Total time: 30 minutes.\n\n"
        let attestation = "Telehealth attestation: This service was provided via telemedicine.\nThe patient consented to telehealth. (Template text; today's visit was face to face.)\n\nAna Ruiz, MD"
        let r = scanner.scan(text: office + attestation)
        XCTAssertEqual(r.service, .inPerson)
        XCTAssertEqual(r.status, .notTelehealth)
        let kept = scanner.scan(text: office + attestation.replacingOccurrences(of: " (Template text; today's visit was face to face.)", with: ""))
        XCTAssertEqual(kept.service, .telemedicineVisit)
    }

    /// A state said after its subject ("video not possible") does not reach back across commas to
    /// other clauses; a refusal still does ("Video offered, refused").
    func testBackwardStateStopsAtAComma() throws {
        let scanner = try NoteScanner.forTests()
        let r = scanner.scan(text: "Phone visit. Patient at home, consent given verbally, video not possible. Time 12 min.\nAna Ruiz, MD")
        XCTAssertEqual(r.elements.patientLocation?.value, "home")
        XCTAssertEqual(r.elements.consent?.value.value, "documented")
        XCTAssertNil(scanner.scan(text: "Phone visit. Patient at home, consent not obtained. Time 12 min.").elements.consent)
        XCTAssertEqual(scanner.scan(text: "Video visit offered, refused. Phone visit instead, 12 min.").elements.modality?.value, "audio_only")
    }

    /// A no-encounter note keeps a declined telehealth consent (why there is no visit); a
    /// documented one, like the visit's place and technology, is not this note's.
    func testANoEncounterNoteKeepsADeclinedConsentOnly() throws {
        let scanner = try NoteScanner.forTests()
        let declined = scanner.scan(text: "Scheduling note\nPatient declined the telehealth video visit; appointment rescheduled as an in-person visit next week.\n- Lucy Tran, MA")
        XCTAssertNil(declined.service)
        XCTAssertEqual(declined.elements.consent?.value.value, "declined")
        let onFile = scanner.scan(text: "No-show for the video visit. Verbal consent for telehealth obtained at scheduling.\n- Lucy Tran, MA")
        XCTAssertNil(onFile.service)
        XCTAssertNil(onFile.elements.consent)
    }

    /// A no-encounter note keeps a patient status it states, but an earlier visit it mentions
    /// (a refill protocol's "Last office visit") is no answer to new or established; in a visit
    /// note the same mention is.
    func testANoEncounterNoteDropsAStatusInferredFromAnEarlierVisit() throws {
        let scanner = try NoteScanner.forTests()
        let refill = scanner.scan(text: "Refill request (staff)\nLisinopril 20 mg refill per protocol. Last office visit 11/2025, BP at goal.\n- Lucy Tran, MA")
        XCTAssertNil(refill.service)
        XCTAssertNil(refill.elements.patientStatus)
        let stated = scanner.scan(text: "Refill request (staff)\nEstablished patient. Lisinopril 20 mg refill per protocol. Last office visit 11/2025.\n- Lucy Tran, MA")
        XCTAssertNil(stated.service)
        XCTAssertEqual(stated.elements.patientStatus?.value, "established")
        let visit = scanner.scan(text: "Video visit, pt at home, agreed to video. HTN follow-up, last office visit 11/2025. 20 min.\nAna Ruiz, MD")
        XCTAssertEqual(visit.service, .telemedicineVisit)
        XCTAssertEqual(visit.elements.patientStatus?.value, "established")
    }

    /// Agreement to meet this way, where the patient was and the visit's minutes make a remote
    /// visit even when no technology is named in words the rules read; not without the
    /// minutes (a procedure note's consent and a history's place), not against a face-to-face cue.
    func testConsentPlaceAndMinutesMakeARemoteVisitWithoutATechnology() throws {
        let scanner = try NoteScanner.forTests()
        let session = "Session 7 with Mikayla. Re-checked she is still happy to do sessions this way - yes. She was at home in her room."
        let visit = scanner.scan(text: session + " 50 min.")
        XCTAssertEqual(visit.service, .telemedicineVisit)
        XCTAssertEqual(visit.status, .needsQuery)
        XCTAssertNil(visit.elements.modality)
        XCTAssertNotNil(visit.elements.consent)
        XCTAssertEqual(visit.elements.patientLocation?.value, "home")
        XCTAssertNil(scanner.scan(text: session).service)
        XCTAssertEqual(scanner.scan(text: "Seen in the treatment room. " + session + " 50 min.").service, .inPerson)
    }

    /// A call that says nothing clinical was discussed is no encounter, whatever its minutes;
    /// beside a visit the same note documents (the patient's agreement and place), the visit stands.
    func testANoteSayingNothingClinicalWasDiscussedIsNoEncounterWhateverItsMinutes() throws {
        let scanner = try NoteScanner.forTests()
        let test = scanner.scan(text: "IT/admin: did a test video call w/ Mr. Ostrowski so he's ready for Friday's session. Camera + mic working. No clinical discussion. 10 min.\n- Paolo (practice admin)")
        XCTAssertNil(test.service)
        XCTAssertEqual(test.status, .notTelehealth)
        XCTAssertNil(test.elements.time)
        let both = scanner.scan(text: "09:30 Scheduled video visit; the link would not open. No clinical discussion took place.\n14:20-14:41 TELEPHONE VISIT. Patient reached by phone at his sister's house; he agreed to a telephone visit. Gout follow-up, plan as below.\nYusuf Demir, MD")
        XCTAssertEqual(both.service, .telemedicineVisit)
    }

    func testInvalidUTF8IsRepairedWithAWarning() throws {
        let scanner = try NoteScanner.forTests()
        var bytes = Array("Video visit. I spent 20 minutes. ".utf8)
        bytes += [0xFF, 0xC3, 0x28]
        let r = scanner.scan(NoteRecord(id: "bad", text: bytes))
        XCTAssertTrue(r.warnings.contains("INVALID_UTF8_REPLACED"))
        XCTAssertEqual(r.elements.time?.value, 20)
    }

    func testEmptyNoteIsNotTelehealth() throws {
        let r = try NoteScanner.forTests().scan(text: "")
        XCTAssertEqual(r.status, .notTelehealth)
        XCTAssertNil(r.service)
    }

    func testBinaryJunkAndHugeNoteDoNotCrash() throws {
        let scanner = try NoteScanner.forTests()
        var junk = [UInt8](repeating: 0, count: 100_000)
        for i in junk.indices { junk[i] = UInt8(truncatingIfNeeded: i &* 2654435761 >> 7) }
        _ = scanner.scan(NoteRecord(id: "junk", text: junk))
        let big = String(repeating: "Patient seen by video at home. [ ] consent obtained. ___ ", count: 90_000) // ~5 MB
        let start = Date()
        let r = scanner.scan(text: big)
        XCTAssertEqual(r.service, .telemedicineVisit)
        XCTAssertLessThan(Date().timeIntervalSince(start), 60)
    }

    func testMixedJSONLinesGiveOneRecordEachInOrder() throws {
        let input = """
        {"id":"a","text":"Video visit from home. I spent 25 minutes."}
        {"id":"b","text": broken
        {"id":"c"}

        {"id":"d","text":""}
        {"id":"e","text":"Telephone visit, caf\\u00e9 \\ud83d\\ude00. Time: 15 minutes"}
        """
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mixed-\(UUID().uuidString).jsonl").path
        try input.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var reader = InputChain(paths: [path], options: InputOptions())
        let lex = try Repo.lexiconSet()
        let engine = ScanEngine(lexicons: lex, decider: try Decider.builtin("cpt", lexiconsRoot: Repo.lexicons), defaultDate: "2026-06-15")
        var results: [NoteResult] = []
        var out: [UInt8] = []
        try ScanRunner(jobs: 2).run(reader: &reader, engine: engine, printer: JSONLinesPrinter(),
                                    write: { out += $0 }, observe: { results.append($0) })
        XCTAssertEqual(results.map(\.id), ["a", "\(path):2", "c", "d", "e"])
        // a and e are telehealth notes missing consent and a performer; d is empty.
        XCTAssertEqual(results.map(\.status), [.needsQuery, .error, .error, .notTelehealth, .needsQuery])
        XCTAssertEqual(results[1].error?.code, "INVALID_JSON")
        XCTAssertEqual(results[2].error?.code, "MISSING_TEXT_FIELD")
        XCTAssertEqual(results[4].elements.modality?.value, "audio_only")
        XCTAssertEqual(out.split(separator: 10).count, 5)
    }

    func testParallelOutputIsByteIdenticalToSerial() throws {
        let lex = try Repo.lexiconSet()
        let engine = ScanEngine(lexicons: lex, decider: try Decider.builtin("cpt", lexiconsRoot: Repo.lexicons), defaultDate: "2026-06-15")
        func run(_ jobs: Int) throws -> [UInt8] {
            var reader = InputChain(paths: [Repo.corpus + "/notes"], options: InputOptions())
            var out: [UInt8] = []
            var runner = ScanRunner(jobs: jobs)
            runner.batchNotes = 7
            runner.groupNotes = 2   // four groups a batch, scanned at once with four jobs
            try runner.run(reader: &reader, engine: engine, printer: JSONLinesPrinter(), write: { out += $0 }, observe: { _ in })
            return out
        }
        let one = try run(1)
        XCTAssertGreaterThan(one.count, 10_000)
        XCTAssertEqual(one, try run(4))
    }

    /// s51: "new to me" is the writer's view; a patient the note shows the practice has seen is
    /// established (CPT counts any clinician of the group), and a stated new patient stays new.
    func testNewToTheClinicianIsEstablishedWhenThePracticeHasSeenThePatient() throws {
        let scanner = try NoteScanner.forTests()
        let visit = "Video visit, patient at home, consented. Total time 20 minutes.\nDana Lee, MD\n"
        for (line, status) in [
            ("Covering for Dr. Ames. I have not met her before; she has been with our clinic since 2023.", "established"),
            ("Pt is new to me.", "new"),
            ("New patient. New to me; seen in our clinic since 2023 by her PCP only for labs.", "new"),
        ] {
            XCTAssertEqual(scanner.scan(text: line + "\n" + visit).elements.patientStatus?.value, status, line)
        }
    }
}

final class JSONObjectScannerTests: XCTestCase {
    func fields(_ s: String) throws -> [String: String] {
        try JSONObjectScanner.fields(ArraySlice(Array(s.utf8)), wanted: ["id", "text"]).mapValues { String(decoding: $0, as: UTF8.self) }
    }

    func testDecodesEscapesAndSkipsOtherValues() throws {
        let f = try fields(#"{"meta":{"a":[1,2,{"b":"x\"y"}]},"id":42,"text":"a\nb\t\"c\" \u00e9 \ud83d\ude00 \/"}"#)
        XCTAssertEqual(f["id"], "42")
        XCTAssertEqual(f["text"], "a\nb\t\"c\" é 😀 /")
        // Every UTF-8 length, and lone surrogates as U+FFFD.
        let g = try fields(#"{"text":"\u0041\u00e9\u2019\ud83d\ude00 \ud83d x \ude00"}"#)
        XCTAssertEqual(g["text"], "Aé’😀 \u{FFFD} x \u{FFFD}")
    }

    func testValuesByKeyRepeatedKeysAndNulls() throws {
        let line = ArraySlice(Array(#"{"id":"a","text":null,"id":"b","note":"t","note":"u"}"#.utf8))
        let v = try JSONObjectScanner.values(line, keys: ["id", "text", "note", "note", "absent"].map { Array($0.utf8) })
        XCTAssertEqual(v.map { $0.map { String(decoding: $0, as: UTF8.self) } }, ["b", nil, "u", "u", nil])
        // A null after a value keeps the value (as the dictionary form does).
        let kept = try JSONObjectScanner.values(ArraySlice(Array(#"{"id":"a","id":null}"#.utf8)), keys: [Array("id".utf8)])
        XCTAssertEqual(kept[0].map { String(decoding: $0, as: UTF8.self) }, "a")
    }

    func testRejectsMalformedLines() {
        for bad in [#"{"id":1"#, #"{"id":1,}"#, #"["id"]"#, #"{"text":"x"} trailing"#, "{\"text\":\"a\u{01}b\"}", #"{"text":tru}"#] {
            XCTAssertThrowsError(try fields(bad), bad)
        }
    }
}

/// decisions.md: "a document with no encounter (... staff refill call) has service null". A call
/// performed by clinical staff stays no encounter even when it states minutes; a provider's
/// visit that mentions a staff call does not.
final class StaffCallTests: XCTestCase {
    func testStaffCallsWithMinutesAreNoEncounter() throws {
        let scanner = try NoteScanner.forTests()
        for note in [
            "Telephone encounter. Pt called requesting refill of lisinopril. Refill sent to pharmacy. Call duration 5 minutes.\nKim Park, RN",
            "RN telephone encounter: returned patient's call about lab results, normal, pt notified. 6 min.\nJo Smith, RN",
        ] {
            let r = scanner.scan(text: note)
            XCTAssertNil(r.service, note)
            XCTAssertEqual(r.status, .notTelehealth, note)
            // The staff's minutes are no clinician's visit time, and the staff signer performed
            // no service (s29: a no-service note reports no performer unless it shows a visit's
            // work and no staff call).
            XCTAssertNil(r.elements.time, note)
            XCTAssertNil(r.elements.performingProvider, note)
        }
    }

    /// s29: a note with no service reports no performer (its signer is its author), unless it
    /// shows a visit's work that no rule recognised as a service and says nothing of holding no
    /// encounter.
    func testNoServiceNoteKeepsItsSignerOnlyWithAVisitsWork() throws {
        let scanner = try NoteScanner.forTests()
        let noShow = scanner.scan(text: "Video visit scheduled for 2 pm. Patient did not show; no answer on two calls. No visit took place.\nDana Lee, MD\n")
        XCTAssertNil(noShow.service)
        XCTAssertNil(noShow.elements.performingProvider)
        let nothingDone = scanner.scan(text: "Discussed her thyroid results and the dose change with her.\nDana Lee, MD\n")
        XCTAssertNil(nothingDone.service)
        XCTAssertNil(nothingDone.elements.performingProvider)
        let work = scanner.scan(text: "Discussed her thyroid results and the dose change with her. 15 minutes.\nDana Lee, MD\n")
        XCTAssertNil(work.service)
        XCTAssertEqual(work.elements.performingProvider?.value.name, "Dana Lee")
        XCTAssertNil(work.elements.time)   // the minutes of a note with no service are no visit's time
        // The same work signed by clinical staff (staff_credentials) is a staff call: no performer.
        let staff = scanner.scan(text: "Discussed her thyroid results and the dose change with her. 15 minutes.\nDana Lee, RN\n")
        XCTAssertNil(staff.service)
        XCTAssertNil(staff.elements.performingProvider)
    }

    /// s51: a registered nurse's own clinical session by video or phone is the visit the note
    /// documents (the independent writers label lactation consults, diabetes education and wound
    /// reviews so); the same nurse's refill or triage call, and an assistant's or practical
    /// nurse's contact of any kind, stay staff calls.
    func testNursesOwnSessionIsAVisitButTheirTasksAndAssistantsContactsAreNot() throws {
        let scanner = try NoteScanner.forTests()
        let session = "Lactation consult by video. Mother and baby at home; mother agreed to the video visit. Latch observed on camera and corrected. Total time 40 minutes.\nRenata Okafor, RN, IBCLC\n"
        let visit = scanner.scan(text: session)
        XCTAssertEqual(visit.service, .telemedicineVisit)
        XCTAssertEqual(visit.elements.performingProvider?.value.name, "Renata Okafor")
        for note in [
            session.replacingOccurrences(of: "Total time", with: "Refill of nipple cream sent. Total time"),
            "Diabetes education by phone; she agreed to the phone call from home. Reviewed her meter. Routed to Dr. Lee. 20 minutes.\nKim Park, RN\n",
            session.replacingOccurrences(of: "Renata Okafor, RN, IBCLC", with: "Renata Okafor, CMA"),
            session.replacingOccurrences(of: "Renata Okafor, RN, IBCLC", with: "Renata Okafor, LPN"),
        ] {
            XCTAssertNil(scanner.scan(text: note).service, note)
        }
    }

    func testProviderVisitMentioningStaffStaysAVisit() throws {
        let r = try NoteScanner.forTests().scan(text: "Video visit for hypertension. Per RN triage note yesterday, BP elevated. Patient at home, consents to video visit. Total time 25 minutes.\nDana Lee, MD")
        XCTAssertEqual(r.service, .telemedicineVisit)
        XCTAssertEqual(r.elements.performingProvider?.value.credential, "MD")
    }

    /// A passing "via video" or "by phone" with consent or the patient's location is a remote
    /// visit even in a note shaped like a clinic note (HPI, A/P, chief complaint); against a
    /// stated face-to-face setting it is a mention.
    func testClinicNoteSectionsDoNotOutweighARemoteVisit() throws {
        let scanner = try NoteScanner.forTests()
        let remote = [
            "Seen via video today; pt at home, consent given.\nChief complaint: rash\nAssessment/Plan: topical steroid\n20 minutes\nDana Lee, MD",
            "Spoke with the patient by phone today. Pt at home. Verbal consent obtained.\nHPI: cough x3 days.\nA/P: viral URI, supportive care.\nTotal time 15 min.\nDana Lee, MD",
        ]
        for note in remote {
            XCTAssertEqual(scanner.scan(text: note).service, .telemedicineVisit, note)
        }
        let inPerson = "Office visit. Patient presents to the clinic with cough; consent for the injection obtained. Results were discussed by phone last week.\nHPI: cough.\nA/P: URI.\nDana Lee, MD"
        XCTAssertEqual(scanner.scan(text: inPerson).service, .inPerson)
        // A clinic-shaped note with one sign only (a location, of the readings) stays in person.
        let office = "S: f/u HTN. Patient reports BP readings at home 130s. Called pharmacy by phone re refill.\nO: BP 128/80, HR 72.\nA/P: continue.\nDana Lee, MD"
        XCTAssertEqual(scanner.scan(text: office).service, .inPerson)
    }

    /// A check-in that became a full visit is that visit (coding-rules.md 1.3), whatever else
    /// calls it a check-in; a plain check-in stays one.
    func testCheckInConvertedToAVisitIsTheVisit() throws {
        let scanner = try NoteScanner.forTests()
        let converted = "Virtual check-in converted to video visit\nEstablished patient initiated a virtual check-in about chest tightness. The check-in was converted to a full video visit on the same call. Patient at home, consented.\nMDM low. Total time 24 minutes.\nDana Lee, MD"
        XCTAssertEqual(scanner.scan(text: converted).service, .telemedicineVisit)
        let checkin = "Virtual check-in initiated by the established patient by phone about a rash; 8 minutes of discussion. Patient consented.\nDana Lee, MD"
        XCTAssertEqual(scanner.scan(text: checkin).service, .virtualCheckin)
    }

    /// "declined" after "Established pt." (an abbreviation, not a sentence end) negates the
    /// video, not the patient status.
    func testDeclinedVideoDoesNotNegateAStatusBeforeIt() throws {
        let r = try NoteScanner.forTests().scan(text: "Established pt. Video declined by patient; phone visit instead. Pt at home, consented. Time 15 min.\nDana Lee, MD")
        XCTAssertEqual(r.elements.patientStatus?.value, "established")
        XCTAssertEqual(r.elements.modality?.value, "audio_only")
    }

    /// An old note copied forward under a header line describes that visit: its lines, up to the
    /// next blank line, are historical; today's lines after the blank line count.
    func testCopiedForwardBlockIsHistorical() throws {
        let scanner = try NoteScanner.forTests()
        let note = "Telephone visit 06/15/2026\n\n--- Previous note (05/02/2026), copied forward ---\nVideo visit via Zoom, pt at home, verbal consent obtained, 25 min.\n--- end of copied text ---\n\nToday: telephone visit. Pt consented to a phone visit. Time: 14 min.\n\nGraham Ellison, MD"
        let r = scanner.scan(text: note)
        XCTAssertEqual(r.elements.modality?.value, "audio_only")
        XCTAssertNil(r.elements.patientLocation)
        XCTAssertEqual(r.elements.time?.value, 14)
        // A line that only mentions an earlier note starts no block.
        let reviewed = scanner.scan(text: "Previous note reviewed; no changes.\nVideo visit today, pt at home, consented. Time 20 min.\nGraham Ellison, MD")
        XCTAssertEqual(reviewed.elements.modality?.value, "audio_video")
        XCTAssertEqual(reviewed.elements.patientLocation?.value, "home")
    }

    /// A trainee who signs under a teaching physician is not the performer; one who is the only
    /// signer is ("Discussed with attending Dr. X, who agrees" names no performer of its own).
    func testTraineeIsThePerformerOnlyWhenNoOneElseSigns() throws {
        let scanner = try NoteScanner.forTests()
        let alone = scanner.scan(text: "Virtual check-in by phone, 6 min. Pt at home, agreed to the check-in.\nDiscussed with attending Dr. Lindqvist, who agrees.\nKwabena Sorensen-Iqbal, MD (PGY-2 resident)")
        XCTAssertEqual(alone.elements.performingProvider?.value.name, "Kwabena Sorensen-Iqbal")
        let attested = scanner.scan(text: "Video visit, pt at home, consented. Time 20 min.\nKwabena Sorensen-Iqbal, MD (PGY-2 resident)\nI saw the patient with the resident and agree with the plan.\nLena Ruiz, MD")
        XCTAssertEqual(attested.elements.performingProvider?.value.name, "Lena Ruiz")
    }

    /// Segment minutes in words settle a switch's majority as digits do ("about five minutes by
    /// video ... the rest by phone, roughly twenty more minutes").
    func testSwitchSegmentMinutesInWords() {
        XCTAssertEqual(ElementResolver.majorityValue(["first": "video", "first_minutes": "five", "second": "phone", "second_minutes": "twenty"], totalMinutes: nil), "audio_only")
        XCTAssertEqual(ElementResolver.majorityValue(["second": "phone", "second_minutes": "twenty five"], totalMinutes: 30), "audio_only")
        XCTAssertEqual(ElementResolver.majorityValue(["second": "telephone", "second_minutes": "ten"], totalMinutes: 30), "audio_video")
        XCTAssertNil(ElementResolver.majorityValue(["second": "phone", "second_minutes": "fifteen"], totalMinutes: 30))
        // The first segment and the total: the rest is the other technology.
        XCTAssertEqual(ElementResolver.majorityValue(["first": "video", "first_minutes": "four", "second": "telephone"], totalMinutes: 23), "audio_only")
        XCTAssertEqual(ElementResolver.majorityValue(["first_minutes": "15", "second": "phone"], totalMinutes: 20), "audio_video")
        XCTAssertNil(ElementResolver.majorityValue(["first_minutes": "10", "second": "phone"], totalMinutes: 20))
        XCTAssertNil(ElementResolver.majorityValue(["first_minutes": "25", "second": "phone"], totalMinutes: 20))
        // The technology named by its parts, as paraphrase does ("by voice", "her landline", "on camera").
        XCTAssertEqual(ElementResolver.majorityValue(["first": "camera", "first_minutes": "3", "second": "voice", "second_minutes": "22"], totalMinutes: nil), "audio_only")
        XCTAssertEqual(ElementResolver.majorityValue(["first": "landline", "first_minutes": "4", "second": "screen", "second_minutes": "16"], totalMinutes: nil), "audio_video")
        XCTAssertEqual(ElementResolver.majorityValue(["first": "picture", "first_minutes": "18", "second": "cell", "second_minutes": "2"], totalMinutes: nil), "audio_video")
        XCTAssertNil(ElementResolver.majorityValue(["first": "chart", "first_minutes": "4", "second": "plan", "second_minutes": "16"], totalMinutes: nil))
        XCTAssertNil(ElementResolver.majorityValue(["first_minutes": "4", "second": "phone"], totalMinutes: nil))
    }

    /// A segment's clock range gives its minutes ("Video 09:00-09:09 ... finished by phone
    /// 09:11-09:25"); a range that is no duration settles nothing.
    func testSwitchSegmentClockRanges() throws {
        XCTAssertEqual(ElementResolver.majorityValue(["first": "video", "first_from": "09:00", "first_to": "09:09", "second": "phone", "second_from": "09:11", "second_to": "09:25"], totalMinutes: nil), "audio_only")
        XCTAssertEqual(ElementResolver.majorityValue(["first": "phone", "first_from": "2:00", "first_to": "2:03", "second": "video", "second_from": "2:03", "second_to": "2:25"], totalMinutes: nil), "audio_video")
        XCTAssertNil(ElementResolver.majorityValue(["first": "video", "first_from": "10:00", "first_to": "10:10", "second": "phone", "second_from": "10:10", "second_to": "10:20"], totalMinutes: nil))
        XCTAssertNil(ElementResolver.majorityValue(["first": "video", "first_from": "10:00", "first_to": "10:00", "second": "phone", "second_from": "10:10", "second_to": "10:20"], totalMinutes: nil))
        let scanner = try NoteScanner.forTests()
        let note = scanner.scan(text: "Telehealth visit, pt at home, agreed to it.\nVV 10:00-10:04 froze (pt wifi) -> phone 10:04-10:27.\nDana Whitfield, DO")
        XCTAssertEqual(note.elements.modality?.value, "audio_only")
    }

    /// A note whose first line names it a phone or video visit is that visit, though it names a
    /// monitoring program (the readings it reviews) or an e-visit; the month's own title is the
    /// month.
    func testANoteTitledAsAVisitIsThatVisit() throws {
        let scanner = try NoteScanner.forTests()
        let cases: [(String, Service)] = [
            ("Phone visit - 03/09/2026\nPt: Norma Castellanos, 62F (HF, RPM participant)\nHer RPM scale showed 3.5 lb gain in 48 h. She agreed to a phone visit.\nMDM moderate.\nTrevor Nakamura, MD", .telemedicineVisit),
            ("Weight management - video visit (established)\nPt connected from home; consents. Follow-up e-visit in 2 weeks.\nMDM moderate.\nDana Lee, MD", .telemedicineVisit),
            ("RPM - Monthly Review\nBP cuff readings on 20 days. Total management time this month: 22 minutes, including a phone call.\nDana Lee, MD", .remoteMonitoring),
        ]
        for (note, service) in cases {
            XCTAssertEqual(scanner.scan(text: note).service, service, note)
        }
    }

    /// A remote-monitoring month keeps no patient location ("pt at home" is where the device is
    /// used; no monitoring code takes a place of service), nor does an e-visit (the patient
    /// writes from anywhere, over days); a video visit keeps it.
    func testMonitoringMonthAndEVisitKeepNoPatientLocation() throws {
        let scanner = try NoteScanner.forTests()
        let cases: [(String, Service)] = [
            ("RPM monthly summary (06/2026). Pt at home uses cellular BP cuff; readings transmitted on 18 days. Consent for RPM on file. Interactive communication by phone; management time 22 minutes.\nDana Lee, MD", .remoteMonitoring),
            ("Portal e-visit\nHeron Bay Assisted Living resident; patient-initiated message about a rash, photo attached. Pt agreed to the e-visit. Cumulative time 12 minutes.\nDana Lee, MD", .eVisit),
        ]
        for (note, service) in cases {
            let r = scanner.scan(text: note)
            XCTAssertEqual(r.service, service, note)
            XCTAssertNil(r.elements.patientLocation, note)
        }
        let visit = scanner.scan(text: "Video visit. Pt at home, consented. 20 min.\nDana Lee, MD")
        XCTAssertEqual(visit.elements.patientLocation?.value, "home")
    }

    /// A place of service in words inside a billing block is what the claim will say, not where
    /// the note documents the patient was; the same words in the note's own fields count.
    func testPlaceOfServiceCountsOnlyOutsideABillingBlock() throws {
        let scanner = try NoteScanner.forTests()
        let billed = "VIDEO VISIT\nPt gave verbal consent to be seen by telehealth over Zoom.\nTotal time: 22 minutes.\n\n---- SUPERBILL ----\nCPT: 99213\nPOS: 10 (Telehealth provided in patient's home)\n-------------------\n\nMarguerite Oyelaran, MD"
        XCTAssertNil(scanner.scan(text: billed).elements.patientLocation)
        let session = "Session Type: Individual - Video\nPlace of Service: 10 - Telehealth Provided in Patient's Home\nClient consented to telehealth services.\nSession start: 2:00 PM\nSession end: 2:53 PM\n\nSigned: Beatrix Solano-Hayes, LCSW"
        XCTAssertEqual(scanner.scan(text: session).elements.patientLocation?.value, "home")
        // After the block's blank line, the note's own statements count again.
        let after = "---- SUPERBILL ----\nCPT: 99213\n\nVideo visit. Patient at home. Consent verbal. 20 min.\nDana Lee, MD"
        XCTAssertEqual(scanner.scan(text: after).elements.patientLocation?.value, "home")
    }

    /// An office visit whose history mentions a portal message stays an office visit; a portal
    /// exchange with no stated setting is an e-visit.
    func testPortalMessageInAnOfficeVisitIsNoEVisit() throws {
        let scanner = try NoteScanner.forTests()
        let office = "Office visit for migraine follow-up. She sent a portal message on 06/02/2026 about more frequent headaches.\nExam: normal.\nPlan: increase topiramate.\nDana Lee, MD"
        XCTAssertEqual(scanner.scan(text: office).service, .inPerson)
        let evisit = "Patient-initiated portal message about a rash with photos; reviewed and answered through the portal. Cumulative time 12 minutes over 2 days. Patient consented to the e-visit.\nDana Lee, MD"
        XCTAssertEqual(scanner.scan(text: evisit).service, .eVisit)
    }

    /// A relative named in one sentence and a pronoun that can only be that relative opening
    /// the next: the technology the pronoun joined by is the relative's (context is looked for
    /// one sentence back before a unit that opens with "He" or "She").
    func testAPronounAfterARelativeJoinsForTheRelative() throws {
        let scanner = try NoteScanner.forTests()
        let office = "SNF progress note.\nI saw and examined the resident in person in her room at the facility.\nHer son was in Denver. He joined by FaceTime on the charge nurse's tablet and agrees with the plan.\nA/P: fall precautions.\nDana Lee, DO"
        let r = scanner.scan(text: office)
        XCTAssertEqual(r.service, .inPerson)
        XCTAssertNil(r.elements.modality)
        // The patient's own pronoun is hers: the video is the visit's.
        let video = "Her son was in Denver.\nShe joined by video from her kitchen and agreed to the video visit. 20 minutes total.\nDana Lee, DO"
        XCTAssertEqual(scanner.scan(text: video).elements.modality?.value, "audio_video")
    }

    /// A monitoring program named in an office visit's plan is a mention; a monitoring month
    /// that states a face-to-face setting but counts its days is still the month.
    func testMonitoringEnrolmentInAnOfficeVisitIsNoMonitoringService() throws {
        let scanner = try NoteScanner.forTests()
        let office = "Office Visit - Adult Medicine\nVitals: BP 146/90. Exam: pedal pulses 1+, no ulcers.\nA/P: HTN - losartan 50 -> 100. RTC 3 mo. Enrolled in BP cuff RPM.\nFace-to-face time 30 minutes.\nDana Lee, MD"
        XCTAssertEqual(scanner.scan(text: office).service, .inPerson)
        let month = "RPM monthly summary, BP cuff. Readings transmitted on 18 of 30 days. Seen in the office today for cuff teaching. Interactive communication by video visit, 22 minutes this month.\nDana Lee, MD"
        XCTAssertEqual(scanner.scan(text: month).service, .remoteMonitoring)
    }

    func testElementOrdinalsArePositionsInAllCases() {
        XCTAssertEqual(Element.allCases.map(\.ordinal), Array(Element.allCases.indices))
    }

    /// Units are split only in the paragraphs that hold findings: they must be exactly the
    /// units the whole-note split gives in those paragraphs.
    func testUnitsAroundPositionsAreTheWholeSplitsUnitsOfThoseParagraphs() throws {
        let lex = try Repo.lexiconSet()
        let splitter = SentenceSplitter(lexicons: lex)
        var texts: [[UInt8]] = ["", "one line", "\n\nA. B.\n\n  \nC:\nd e\nf.\n"].map { Array($0.utf8) }
        let dir = Repo.corpus + "/notes"
        for name in try FileManager.default.contentsOfDirectory(atPath: dir).sorted() {
            texts.append([UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name))))
        }
        if var reader = Repo.mtsamples() {
            while texts.count < 500, let r = try reader.next() { if r.error == nil { texts.append(r.text) } }
        }
        var checked = 0
        for (n, text) in texts.enumerated() {
            // Paragraph number of each byte (a line break counts with the line it ends; a blank
            // line's bytes: -1).
            var para = [Int](repeating: -1, count: text.count + 1)
            var id = 0, start = 0
            while start <= text.count {
                var end = start
                while end < text.count, text[end] != 10 { end += 1 }
                let blank = text[start..<end].allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 }
                if blank { id += 1 } else { for i in start...end { para[i] = id } }
                start = end + 1
            }
            let positions = Array(stride(from: 0, to: max(text.count, 1), by: 53))
            text.withUnsafeBufferPointer { buf in
                let wantedParas = Set(positions.map { para[$0] }.filter { $0 >= 0 })
                let expected = splitter.split(buf).units.filter { wantedParas.contains(para[$0.range.lowerBound]) }
                let got = splitter.units(around: positions, in: buf)
                XCTAssertEqual(got.map { "\($0.range) \($0.kind)" }, expected.map { "\($0.range) \($0.kind)" }, "text \(n)")
                checked += got.count
            }
        }
        XCTAssertGreaterThan(checked, 1000)
    }
}

/// A scan compiles each pattern when a note first needs it (`compileAll: false`).
final class DeferredCompileTests: XCTestCase {
    func run(_ lex: LexiconSet, paths: [String], jobs: Int = 2) throws -> [UInt8] {
        let engine = ScanEngine(lexicons: lex, decider: try Decider.builtin("cpt", lexiconsRoot: Repo.lexicons), defaultDate: "2026-06-15")
        var reader = InputChain(paths: paths, options: InputOptions())
        var out: [UInt8] = []
        var runner = ScanRunner(jobs: jobs)
        runner.batchNotes = 64
        runner.groupNotes = 16
        try runner.run(reader: &reader, engine: engine, printer: JSONLinesPrinter(), write: { out += $0 }, observe: { _ in })
        return out
    }

    func testDeferredPatternsGiveTheSameResults() throws {
        let deferred = try LexiconSet(root: Repo.lexicons, examples: false, compileAll: false)
        XCTAssertEqual(try run(deferred, paths: [Repo.corpus + "/notes"]), try run(try Repo.lexiconSet(), paths: [Repo.corpus + "/notes"]))
    }

    /// A broken pattern fails the load when everything compiles; a scan stops with the same
    /// message when a note first wakes the rule, and writes nothing of that batch.
    func testBrokenPatternStopsTheScanThatNeedsIt() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("telescan-deferred-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(atPath: Repo.lexicons, toPath: dir.path)
        try """
        rules:
          - id: zz.broken
            category: consent
            pattern: 'zebra (crossing'
            literals: [zebra]
        """.write(to: dir.appendingPathComponent("rules/zz_broken.yaml"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try LexiconSet(root: dir.path, examples: false)) { error in
            XCTAssertTrue("\(error)".contains("rules/zz_broken.yaml: rule 'zz.broken': invalid pattern: missing closing parenthesis"), "\(error)")
        }
        let lex = try LexiconSet(root: dir.path, examples: false, compileAll: false)
        let quiet = dir.appendingPathComponent("quiet.txt"), zebra = dir.appendingPathComponent("zebra.txt")
        try "Video visit, patient at home.".write(to: quiet, atomically: true, encoding: .utf8)
        try "Video visit at the zebra crossing.".write(to: zebra, atomically: true, encoding: .utf8)
        XCTAssertEqual(try run(lex, paths: [quiet.path], jobs: 1).filter { $0 == 10 }.count, 1, "a note that never wakes the rule scans")
        XCTAssertThrowsError(try run(lex, paths: [zebra.path])) { error in
            XCTAssertTrue("\(error)".contains("rules/zz_broken.yaml: rule 'zz.broken': invalid pattern: missing closing parenthesis"), "\(error)")
        }
    }
}

/// Who gave the consent each note documents (nil: no consent), as one scanner reads them.
/// Asserts the service each note is read as (nil: none).
private func assertServices(_ cases: [(String, Service?)], file: StaticString = #filePath, line: UInt = #line) throws {
    let scanner = try NoteScanner.forTests()
    for (text, service) in cases { XCTAssertEqual(scanner.scan(text: text).service, service, text, file: file, line: line) }
}

private func consentGiver() throws -> (String) -> String? {
    let scanner = try NoteScanner.forTests()
    return { scanner.scan(text: $0).elements.consent?.value.by }
}
