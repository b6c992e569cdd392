#include "rareflow/plan/plan_model.hpp"

#include <algorithm>

namespace rareflow::plan {

double YearPath::at(int year) const {
  if (points.empty()) return 0.0;
  if (year <= points.front().first) return points.front().second;
  if (year >= points.back().first) return points.back().second;
  for (std::size_t i = 1; i < points.size(); ++i) {
    const auto& [y1, v1] = points[i];
    if (year <= y1) {
      const auto& [y0, v0] = points[i - 1];
      double w = static_cast<double>(year - y0) / static_cast<double>(y1 - y0);
      return v0 + w * (v1 - v0);
    }
  }
  return points.back().second;
}

std::string Commodity::str() const {
  return std::string(stage_key(stage)) + ":" + item;
}

std::string_view project_type_name(ProjectType t) {
  switch (t) {
    case ProjectType::Mine:
      return "mine";
    case ProjectType::Separation:
      return "separation";
    case ProjectType::Metal:
      return "metal";
    case ProjectType::Magnet:
      return "magnet";
    case ProjectType::Recycling:
      return "recycling";
  }
  return "?";
}

std::string_view capacity_unit(ProjectType t) {
  switch (t) {
    case ProjectType::Mine:
    case ProjectType::Separation:
    case ProjectType::Recycling:
      return "t REO/yr";
    case ProjectType::Metal:
      return "t metal/yr";
    case ProjectType::Magnet:
      return "t magnet/yr";
  }
  return "?";
}

std::string_view goal_kind_name(GoalKind k) {
  switch (k) {
    case GoalKind::SelfSufficiency:
      return "self_sufficiency";
    case GoalKind::ImportDependence:
      return "import_dependence";
    case GoalKind::MarketShare:
      return "market_share";
    case GoalKind::Exports:
      return "exports";
    case GoalKind::SupplierShare:
      return "supplier_share";
    case GoalKind::Budget:
      return "budget";
  }
  return "?";
}

namespace {
template <class T>
const T* find_by_id(const std::vector<T>& items, const std::string& id) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.id == id; });
  return it == items.end() ? nullptr : &*it;
}
}  // namespace

const Project* PlanModel::project(const std::string& id) const {
  return find_by_id(projects, id);
}
const Deposit* PlanModel::deposit(const std::string& id) const {
  return find_by_id(deposits, id);
}
const MagnetType* PlanModel::magnet(const std::string& id) const {
  return find_by_id(magnets, id);
}
const Feed* PlanModel::feed(const std::string& id) const {
  return find_by_id(feeds, id);
}

}  // namespace rareflow::plan
