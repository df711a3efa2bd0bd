package dev.hardenedboot.data.support;

import java.lang.reflect.Constructor;
import java.util.List;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * What the registered failure analyzers (starter-core's first among them) tell a user about a
 * start-up failure.
 */
public final class FailureAnalysisText {

	private FailureAnalysisText() {
	}

	public static String of(Throwable failure) {
		List<String> names = SpringFactoriesLoader.loadFactoryNames(FailureAnalyzer.class,
				FailureAnalysisText.class.getClassLoader());
		for (String name : names) {
			FailureAnalyzer analyzer;
			try {
				Constructor<?> constructor = ClassUtils.forName(name, null).getDeclaredConstructor();
				ReflectionUtils.makeAccessible(constructor);
				analyzer = (FailureAnalyzer) constructor.newInstance();
			}
			catch (ReflectiveOperationException | LinkageError ex) {
				// Analyzers that need the bean factory or environment are not the ones asked here.
				continue;
			}
			FailureAnalysis analysis = analyzer.analyze(failure);
			if (analysis != null) {
				return analysis.getDescription() + "\n" + analysis.getAction();
			}
		}
		throw new AssertionError("No failure analyzer explained " + failure);
	}

}
