// g++'s -fsanitize-coverage=trace-cmp also traces floating-point comparisons, through hooks
// that neither libFuzzer 14 nor the sanitizer runtimes define; they carry no feedback libFuzzer
// uses, so the sanitizer build links these empty ones.
extern "C" {
void __sanitizer_cov_trace_cmpf(float, float) {}
void __sanitizer_cov_trace_cmpd(double, double) {}
}
