import Foundation

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
final class ServiceDates: @unchecked Sendable {
    private let lock = NSLock()
    private var dates: [Int: String] = [:]
    private var count = 0

    func append(_ date: String?) {
        lock.lock(); defer { lock.unlock() }
        if let date { dates[count] = date }
        count += 1
    }

    func take(_ index: Int) -> String? {
        lock.lock(); defer { lock.unlock() }
        return dates.removeValue(forKey: index)
    }
}
