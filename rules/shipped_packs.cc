#include "rules/shipped_packs.h"

namespace uprev {

const ShippedPack* FindShippedPack(std::string_view name) {
  for (const ShippedPack& pack : ShippedPacks()) {
    if (pack.name == name) return &pack;
  }
  return nullptr;
}

}  // namespace uprev
