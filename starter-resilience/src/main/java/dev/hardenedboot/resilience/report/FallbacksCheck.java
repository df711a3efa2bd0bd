package dev.hardenedboot.resilience.report;

import java.util.List;

import dev.hardenedboot.core.report.HardeningCheck;
import dev.hardenedboot.core.report.HardeningFinding;
import dev.hardenedboot.resilience.annotation.ResilienceAnnotations;

import org.springframework.lang.Nullable;

/**
 * The fallbacks of resilience4j's annotations, as the start-up check resolved them. That check
 * stops start-up on a fallback that does not resolve, so the report states what it verified,
 * or that nothing verified them when it is switched off: resilience4j itself only notices a
 * misspelt fallback when a call fails.
 */
class FallbacksCheck implements HardeningCheck {

	@Nullable
	private final ResilienceAnnotations annotations;

	FallbacksCheck(@Nullable ResilienceAnnotations annotations) {
		this.annotations = annotations;
	}

	@Override
	public List<HardeningFinding> check() {
		if (this.annotations == null) {
			return List.of(HardeningFinding.warn("resilience", "resilience.fallbacks",
					"resilience4j's annotations were not checked at start-up (hardened.resilience.enabled=false): "
							+ "a fallbackMethod that does not match is found only when a call fails, and the "
							+ "failure then propagates without a fallback.",
					"Remove hardened.resilience.enabled=false; see docs/resilience.md."));
		}
		String perCall = (this.annotations.perCallFallbacks() > 0)
				? "; " + this.annotations.perCallFallbacks() + " given as SpEL, resolved per call" : "";
		return List.of(HardeningFinding.pass("resilience", "resilience.fallbacks",
				this.annotations.resolvedFallbacks() + " fallbacks on " + this.annotations.annotatedMethods()
						+ " annotated methods resolved at start-up" + perCall + "."));
	}

}
