import XCTest
@testable import TelescanCore

/// Minutes from a time finding's captures: clock pairs in the forms notes write, several pairs
/// adding up, and number words however they are spaced.
final class TimeValueTests: XCTestCase {
    func testClockForms() {
        XCTAssertEqual(TimeValue.clock("10:02"), 10 * 60 + 2)
        XCTAssertEqual(TimeValue.clock("1430"), 2 * 60 + 30)
        XCTAssertEqual(TimeValue.clock("14.05"), 2 * 60 + 5)
        XCTAssertEqual(TimeValue.clock("9.40"), 9 * 60 + 40)
        XCTAssertEqual(TimeValue.clock("9h05"), 9 * 60 + 5)
        XCTAssertEqual(TimeValue.clock("13h31"), 1 * 60 + 31)
        XCTAssertEqual(TimeValue.clock("9:40 a.m."), 9 * 60 + 40)
        XCTAssertEqual(TimeValue.clock("10.25 hrs"), 10 * 60 + 25)
        XCTAssertNil(TimeValue.clock("9.4"))
        XCTAssertNil(TimeValue.clock("940"))
        XCTAssertNil(TimeValue.clock("25:10"))
    }

    /// Clock times written in words, as dictation and narrative notes give them.
    func testClockTimesInWords() {
        XCTAssertEqual(TimeValue.clock("ten past four"), 4 * 60 + 10)
        XCTAssertEqual(TimeValue.clock("twenty-five to five"), 4 * 60 + 35)
        XCTAssertEqual(TimeValue.clock("half past ten"), 10 * 60 + 30)
        XCTAssertEqual(TimeValue.clock("a quarter past two"), 2 * 60 + 15)
        XCTAssertEqual(TimeValue.clock("quarter to three"), 2 * 60 + 45)
        XCTAssertEqual(TimeValue.clock("ten o'clock"), 10 * 60)
        XCTAssertEqual(TimeValue.clock("nine fifty"), 9 * 60 + 50)
        XCTAssertEqual(TimeValue.clock("ten oh five"), 10 * 60 + 5)
        XCTAssertEqual(TimeValue.clock("twelve twenty in the afternoon"), 20)
        XCTAssertEqual(TimeValue.clock("noon"), 0)
        XCTAssertEqual(TimeValue.clock("Ten  Twenty-Five am"), 10 * 60 + 25)
        // A bare hour, a number that is no hour, or minutes past sixty are no clock time.
        XCTAssertNil(TimeValue.clock("ten"))
        XCTAssertNil(TimeValue.clock("fifteen five"))
        XCTAssertNil(TimeValue.clock("twenty five"))
        XCTAssertNil(TimeValue.clock("twenty two"))
        XCTAssertNil(TimeValue.clock("twenty-four ten"))
        XCTAssertNil(TimeValue.clock("ten seventy"))
        XCTAssertNil(TimeValue.clock("some time past four"))
        XCTAssertEqual(TimeValue.minutes(captures: ["start": "ten past four", "end": "twenty-five to five"], value: nil), 25)
        XCTAssertEqual(TimeValue.minutes(captures: ["start": "ten o'clock", "end": "ten fifty"], value: nil), 50)
        XCTAssertEqual(TimeValue.minutes(captures: ["start": "a quarter past eleven", "end": "noon"], value: nil), 45)
        // A 24-hour clock read out: the hour in one or two words, then two-digit minutes, "oh" and
        // a digit, or "hundred".
        XCTAssertEqual(TimeValue.clock("thirteen twenty"), 1 * 60 + 20)
        XCTAssertEqual(TimeValue.clock("fifteen twenty"), 3 * 60 + 20)
        XCTAssertEqual(TimeValue.clock("twenty-one thirty"), 9 * 60 + 30)
        XCTAssertEqual(TimeValue.clock("twenty three fifteen hours"), 11 * 60 + 15)
        XCTAssertEqual(TimeValue.clock("fourteen hundred"), 2 * 60)
        XCTAssertEqual(TimeValue.clock("nineteen oh five"), 7 * 60 + 5)
        XCTAssertEqual(TimeValue.minutes(captures: ["start": "twelve fifty five", "end": "thirteen twenty"], value: nil), 25)
    }

    func testClockPairsAddUp() {
        XCTAssertEqual(TimeValue.minutes(captures: ["start": "9.40", "end": "9.55 am"], value: nil), 15)
        XCTAssertEqual(TimeValue.minutes(captures: ["start": "08:52", "end": "09:03", "start2": "09:06", "end2": "09:20"], value: nil), 25)
        XCTAssertEqual(TimeValue.minutes(captures: ["start": "9h05", "end": "9h15", "start2": "9h16", "end2": "9h30", "start3": "9h31", "end3": "9h35"], value: nil), 28)
        XCTAssertNil(TimeValue.minutes(captures: ["start": "08:52", "end": "09:03", "start2": "09:06", "end2": "later"], value: nil))
        // Minutes beside a clock pair add to it.
        XCTAssertEqual(TimeValue.minutes(captures: ["start": "10:50", "end": "11:20", "minutes": "ten"], value: nil), 40)
    }

    func testClocksInTwoTimeZonesReadInOne() {
        // 9:48 ET to 9:14 CT is 9:48 to 10:14 Eastern.
        XCTAssertEqual(TimeValue.minutes(captures: ["start": "9:48", "start_zone": "ET", "end": "9:14", "end_zone": "CT"], value: nil), 26)
        // 2:05 PM EDT to 11:40 AM MST (Arizona, three hours behind in July).
        XCTAssertEqual(TimeValue.minutes(captures: ["start": "2:05", "start_zone": "EDT", "end": "11:40", "end_zone": "MST"], value: nil), 35)
        // Pacific to Eastern the other way round, and one zone unknown (no shift).
        XCTAssertEqual(TimeValue.minutes(captures: ["start": "1:00", "start_zone": "Pacific", "end": "4:20", "end_zone": "Eastern"], value: nil), 20)
        XCTAssertEqual(TimeValue.minutes(captures: ["start": "9:00", "start_zone": "ET", "end": "9:30", "end_zone": "GMT"], value: nil), 30)
        XCTAssertNil(TimeValue.minutes(captures: ["start": "9:48", "end": "9:14"], value: nil))
    }

    func testNumberWordsWithAnySpacing() {
        XCTAssertEqual(NumberParser.parse("a  quarter"), 0.25)
        XCTAssertEqual(NumberParser.parse("twenty\tfive"), 25)
        XCTAssertEqual(NumberParser.parse(" forty "), 40)
        XCTAssertEqual(NumberParser.parse("one and a  half"), 1.5)
    }

    func testFractionsOfAnHourCapturedWhole() {
        XCTAssertEqual(TimeValue.minutes(captures: ["hours": "an hour and a quarter"], value: nil), 75)
        XCTAssertEqual(TimeValue.minutes(captures: ["hours": "An hour and a half"], value: nil), 90)
        XCTAssertEqual(TimeValue.minutes(captures: ["hours": "a quarter of an hour"], value: nil), 15)
        XCTAssertEqual(TimeValue.minutes(captures: ["hours": "three quarters of an hour"], value: nil), 45)
        XCTAssertEqual(TimeValue.minutes(captures: ["hours": "half an hour"], value: nil), 30)
        XCTAssertEqual(TimeValue.minutes(captures: ["hours": "a half-hour"], value: nil), 30)
        XCTAssertEqual(TimeValue.minutes(captures: ["hours": "Three-quarters of an hour"], value: nil), 45)
        XCTAssertEqual(TimeValue.minutes(captures: ["hours": "half-an-hour"], value: nil), 30)
        XCTAssertEqual(TimeValue.minutes(captures: ["hours": "one hour"], value: nil), 60)
        XCTAssertNil(TimeValue.minutes(captures: ["hours": "an hourglass"], value: nil))
    }

    /// Seconds in a call log: whole minutes, never rounded up; clock times with seconds.
    func testSecondsCountInWholeMinutes() {
        XCTAssertEqual(TimeValue.minutes(captures: ["seconds": "1,320"], value: nil), 22)
        XCTAssertEqual(TimeValue.minutes(captures: ["seconds": "1350"], value: nil), 22)
        XCTAssertEqual(TimeValue.minutes(captures: ["minutes": "22", "seconds": "45"], value: nil), 22)
        XCTAssertNil(TimeValue.minutes(captures: ["seconds": "30"], value: nil))
        XCTAssertEqual(TimeValue.minutes(captures: ["start": "10:00:30", "end": "10:19:30"], value: nil), 19)
        XCTAssertEqual(TimeValue.minutes(captures: ["start": "10:00:45", "end": "10:19:30"], value: nil), 18)
        XCTAssertEqual(TimeValue.minutes(captures: ["start": "09:14:05", "end": "9:37"], value: nil), 22)
        XCTAssertNil(TimeValue.clockSeconds("10:00:61"))
        // Two times that wrap round to most of half a day are no visit's start and end.
        XCTAssertNil(TimeValue.minutes(captures: ["start": "1:15", "end": "1:12"], value: nil))
        XCTAssertEqual(TimeValue.minutes(captures: ["start": "11:50", "end": "12:20"], value: nil), 30)
    }

    func testThousandsWithCommas() {
        XCTAssertEqual(NumberParser.parse("1,320"), 1320)
        XCTAssertEqual(NumberParser.parse("12,000"), 12000)
        XCTAssertNil(NumberParser.parse("1,2,3"))
        XCTAssertNil(NumberParser.parse("1,32"))
    }
}
