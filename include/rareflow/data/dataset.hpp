#pragma once
// placeholder replaced below
namespace rareflow { struct Dataset {}; const Dataset& load_default_dataset(); }
