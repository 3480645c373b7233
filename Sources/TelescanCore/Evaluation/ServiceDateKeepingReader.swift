import Synchronization

/// Passes records through and keeps each one's service date, so that results, which come back
/// in input order from the scan's workers, are decided on their own record's date. The reader
/// runs on the scan's reader thread; dates are taken on the caller's, each once.
struct ServiceDateKeepingReader<Base: NoteReader>: NoteReader {
    var base: Base
    let dates = ServiceDates()

    mutating func next() throws -> NoteRecord? {
        let record = try base.next()
        if let record { dates.append(record.serviceDate) }
        return record
    }
}

/// Service dates by input index; an index is dropped once taken, so memory stays bounded by
/// the records in flight.
final class ServiceDates: Sendable {
    private let state = Mutex<(dates: [Int: String], count: Int)>(([:], 0))

    func append(_ date: String?) {
        state.withLock { s in
            if let date { s.dates[s.count] = date }
            s.count += 1
        }
    }

    func take(_ index: Int) -> String? {
        state.withLock { $0.dates.removeValue(forKey: index) }
    }
}
