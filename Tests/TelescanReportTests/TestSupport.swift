import Foundation
import TelescanCore
@_exported import TelescanTestSupport

