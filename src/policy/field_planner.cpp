#include "policy/field_planner.hpp"

#include "core/json_string.hpp"

#include <algorithm>

namespace veil::policy {

namespace {

bool is_container(const Node& n) {
  return n.kind == NodeKind::object || n.kind == NodeKind::array;
}

bool is_blank(std::string_view s) {
  return s.find_first_not_of(" \t\r") == std::string_view::npos;
}

// Deletes a run [a, b] of removed children so that the commas left are
// right: up to the next kept child's start, else from the previous kept
// child's end, else everything between the brackets.
TokenEdit cut_run(const std::vector<const Node*>& children, size_t a,
                  size_t b) {
  TokenEdit edit;
  if (b + 1 < children.size()) {
    edit.raw_begin = children[a]->member_begin;
    edit.raw_end = children[b + 1]->member_begin;
  } else if (a > 0) {
    edit.raw_begin = children[a - 1]->end;
    edit.raw_end = children[b]->end;
  } else {
    edit.raw_begin = children[a]->member_begin;
    edit.raw_end = children[b]->end;
  }
  return edit;
}

} // namespace

std::string_view utf8_prefix(std::string_view text, size_t max) {
  if (text.size() <= max) {
    return text;
  }
  size_t end = max;
  // Back up over continuation bytes to the start of a sequence.
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
    --end;
  }
  return text.substr(0, end);
}

void FieldPlanner::plan(Record& record, RecordPlan& plan) {
  plan.clear();
  if (record.kind != RecordKind::json) {
    if (m_policy.mode == Mode::allow && !is_blank(record.content)) {
      plan.reject = "not a JSON record (allow mode)";
    }
    return;
  }
  if (!parse_layout(record.content, m_nodes)) {
    if (m_policy.mode == Mode::allow) {
      plan.reject = "JSON the field rules cannot walk (allow mode)";
    }
    return;
  }
  decide(record, plan);
  if (plan.reject != nullptr) {
    return;
  }
  add_removals(plan);
  filter_fields(record);
}

void FieldPlanner::decide(const Record& record, RecordPlan& plan) {
  m_fates.assign(m_nodes.size(), Fate::scan);
  bool allow = m_policy.mode == Mode::allow;
  for (size_t i = 0; i < m_nodes.size(); ++i) {
    const Node& node = m_nodes[i];
    if (node.parent >= 0 && m_fates[node.parent] == Fate::removed) {
      m_fates[i] = Fate::removed;
      continue;
    }
    int depth = -1;
    const FieldRule* rule = m_policy.field_rule(node.pointer, &depth);
    bool listed = rule != nullptr && rule->action != FieldAction::drop;
    if (rule != nullptr && rule->action == FieldAction::drop &&
        depth == static_cast<int>(node.depth) && node.parent >= 0) {
      m_fates[i] = Fate::removed;
      ++plan.dropped_fields;
      plan.dropped_pointers.push_back(node.pointer);
    } else if (allow && !listed) {
      if (node.parent < 0 && !is_container(node)) {
        plan.reject = "a bare JSON value (allow mode)";
        return;
      }
      if (node.parent >= 0 &&
          !(is_container(node) && m_policy.allows_below(node.pointer))) {
        m_fates[i] = Fate::removed;
        ++plan.dropped_fields;
        plan.dropped_pointers.push_back(node.pointer);
      }
    } else if (listed) {
      decide_leaf(i, rule, record, plan);
    }
  }
}

void FieldPlanner::decide_leaf(size_t i, const FieldRule* rule,
                               const Record& record, RecordPlan& plan) {
  const Node& node = m_nodes[i];
  std::string_view raw =
      record.content.substr(node.begin, node.end - node.begin);
  switch (rule->action) {
  case FieldAction::drop:
  case FieldAction::scan:
    return;
  case FieldAction::keep:
    m_fates[i] = Fate::unscanned;
    return;
  case FieldAction::redact_all:
  case FieldAction::hash:
    m_fates[i] = Fate::unscanned;
    if (node.kind == NodeKind::string) {
      plan.directives.push_back(Directive{
          node.begin, node.end, rule,
          unescape_json(raw.substr(1, raw.size() - 2)), node.pointer});
    } else if (node.kind == NodeKind::number) {
      plan.directives.push_back(Directive{node.begin, node.end, rule,
                                          std::string(raw), node.pointer});
    }
    return;
  case FieldAction::truncate:
    if (node.kind == NodeKind::string) {
      std::string text = unescape_json(raw.substr(1, raw.size() - 2));
      if (text.size() > rule->truncate) {
        std::string cut(utf8_prefix(text, rule->truncate));
        cut += rule->marker;
        plan.directives.push_back(Directive{node.begin, node.end, rule,
                                            std::move(cut), node.pointer});
      }
    }
    return;
  }
}

void FieldPlanner::add_removals(RecordPlan& plan) {
  if (plan.dropped_fields == 0) {
    return;
  }
  // Children of each container, in document order.
  std::vector<std::vector<const Node*>> children(m_nodes.size());
  std::vector<std::vector<bool>> removed(m_nodes.size());
  for (size_t i = 0; i < m_nodes.size(); ++i) {
    int32_t p = m_nodes[i].parent;
    if (p >= 0 && m_fates[p] != Fate::removed) {
      children[p].push_back(&m_nodes[i]);
      removed[p].push_back(m_fates[i] == Fate::removed);
    }
  }
  for (size_t p = 0; p < m_nodes.size(); ++p) {
    const std::vector<bool>& gone = removed[p];
    for (size_t a = 0; a < gone.size(); ++a) {
      if (!gone[a]) {
        continue;
      }
      size_t b = a;
      while (b + 1 < gone.size() && gone[b + 1]) {
        ++b;
      }
      plan.removals.push_back(cut_run(children[p], a, b));
      a = b;
    }
  }
  std::sort(plan.removals.begin(), plan.removals.end(),
            [](const TokenEdit& x, const TokenEdit& y) {
              return x.raw_begin < y.raw_begin;
            });
}

// Keeps the fields whose node is scanned. Fields and node positions are both
// in document order, so one merge pass pairs them: a value field starts at
// its node's begin, a key field (--scan-keys) at its member_begin.
void FieldPlanner::filter_fields(Record& record) const {
  size_t n = 0;
  FieldList& fields = record.fields;
  size_t kept = 0;
  for (size_t f = 0; f < fields.size(); ++f) {
    Field& field = fields[f];
    while (n < m_nodes.size() && m_nodes[n].begin < field.raw_begin &&
           m_nodes[n].member_begin < field.raw_begin) {
      ++n;
    }
    // Key fields start at a member_begin that may precede node n's begin.
    size_t owner = n;
    while (owner < m_nodes.size() && m_nodes[owner].begin != field.raw_begin &&
           m_nodes[owner].member_begin != field.raw_begin) {
      ++owner;
    }
    if (owner < m_nodes.size() && m_fates[owner] != Fate::scan) {
      continue;
    }
    if (kept != f) {
      std::swap(fields[kept], field);
    }
    ++kept;
  }
  fields.truncate(kept);
}

} // namespace veil::policy
