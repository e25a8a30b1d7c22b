#include "ir/sort.h"

namespace verdict::ir {

Sort Sort::array(const Sort& index, const Sort& element) {
  Sort s(Kind::Array, 0);
  s.index_ = std::make_shared<const Sort>(index);
  s.element_ = std::make_shared<const Sort>(element);
  return s;
}

bool Sort::operator==(const Sort& other) const {
  if (kind_ != other.kind_ || width_ != other.width_) return false;
  if (kind_ != Kind::Array) return true;
  return *index_ == *other.index_ && *element_ == *other.element_;
}

std::string Sort::str() const {
  switch (kind_) {
    case Kind::Bool: return "bool";
    case Kind::BitVec: return "bv" + std::to_string(width_);
    case Kind::Int: return "int";
    case Kind::Array: return "array(" + index_->str() + " -> " + element_->str() + ")";
  }
  return "?";
}

}  // namespace verdict::ir
