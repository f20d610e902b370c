# Benchmark: exact matching with capacity in cases (transportation problem), regint versus
# LEMON's NetworkSimplex (header-only, Debian liblemon-dev) on regint-synth-v1 instances.
include(CheckIncludeFileCXX)
enable_language(CXX)
find_path(REGINT_LEMON_INCLUDE lemon/network_simplex.h)
if(REGINT_LEMON_INCLUDE)
  add_executable(bench_matching ${CMAKE_CURRENT_LIST_DIR}/bench_matching.cpp)
  target_include_directories(bench_matching PRIVATE ${REGINT_LEMON_INCLUDE})
  target_link_libraries(bench_matching PRIVATE regint_static)
  set_target_properties(bench_matching PROPERTIES CXX_STANDARD 11 CXX_STANDARD_REQUIRED ON)
  target_compile_options(bench_matching PRIVATE -O2)
else()
  message(WARNING "bench_matching needs LEMON (apt-get install liblemon-dev); not built")
endif()
