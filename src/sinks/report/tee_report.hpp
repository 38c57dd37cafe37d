// Sends one finding stream to the report and to observers that are not
// reports (the baseline collector, `redact --check`), so they all see
// exactly the findings the report sees.
#pragma once

#include "sinks/report/report_writer.hpp"

#include <vector>

namespace veil {

class TeeReport : public ReportWriter {
public:
  TeeReport(ReportWriter& report, std::vector<ReportWriter*> observers)
      : m_report(report), m_observers(std::move(observers)) {}

  void begin(const RunInfo& run) override {
    m_report.begin(run);
    for (ReportWriter* o : m_observers) {
      o->begin(run);
    }
  }
  void finding(const Finding& f) override {
    m_report.finding(f);
    for (ReportWriter* o : m_observers) {
      o->finding(f);
    }
  }
  void end(const Summary& summary) override {
    m_report.end(summary);
    for (ReportWriter* o : m_observers) {
      o->end(summary);
    }
  }

private:
  ReportWriter& m_report;
  std::vector<ReportWriter*> m_observers;
};

} // namespace veil
