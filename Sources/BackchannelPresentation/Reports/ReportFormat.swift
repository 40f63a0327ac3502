/// How a report is written for people or programs: an aligned text table, JSON, or CSV.
///
/// The one report format of every report (measures, influence, paths, reach, exposure); the
/// command line parses it once. `MeasureReport.Format` is the same type under its older name.
public typealias ReportFormat = MeasureReport.Format
