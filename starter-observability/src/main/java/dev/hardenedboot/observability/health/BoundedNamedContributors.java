package dev.hardenedboot.observability.health;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.boot.actuate.health.NamedContributors;
import org.springframework.lang.Nullable;

/**
 * A view of named contributors in which every indicator, at any depth, is bounded. Each
 * contributor is wrapped once and the wrapper kept, so its in-flight check and cached result
 * survive from one probe to the next; a contributor replaced under the same name gets a new
 * wrapper.
 */
class BoundedNamedContributors implements NamedContributors<HealthContributor> {

	private final NamedContributors<HealthContributor> delegate;

	private final HealthCheckExecutor executor;

	private final Map<String, Bound> bound = new ConcurrentHashMap<>();

	BoundedNamedContributors(NamedContributors<HealthContributor> delegate, HealthCheckExecutor executor) {
		this.delegate = delegate;
		this.executor = executor;
	}

	@Override
	@Nullable
	public HealthContributor getContributor(String name) {
		HealthContributor contributor = this.delegate.getContributor(name);
		return (contributor != null) ? bound(name, contributor) : null;
	}

	@Override
	public Iterator<NamedContributor<HealthContributor>> iterator() {
		Iterator<NamedContributor<HealthContributor>> iterator = this.delegate.iterator();
		return new Iterator<>() {

			@Override
			public boolean hasNext() {
				return iterator.hasNext();
			}

			@Override
			public NamedContributor<HealthContributor> next() {
				NamedContributor<HealthContributor> next = iterator.next();
				return NamedContributor.of(next.getName(), bound(next.getName(), next.getContributor()));
			}

		};
	}

	void forget(String name) {
		this.bound.remove(name);
	}

	private HealthContributor bound(String name, HealthContributor contributor) {
		return this.bound
			.compute(name, (key, existing) -> (existing != null && existing.original == contributor) ? existing
					: new Bound(contributor, wrap(contributor)))
			.wrapped;
	}

	private HealthContributor wrap(HealthContributor contributor) {
		if (contributor instanceof BoundedHealthIndicator || contributor instanceof BoundedCompositeHealthContributor) {
			return contributor;
		}
		if (contributor instanceof HealthIndicator indicator) {
			return new BoundedHealthIndicator(indicator, this.executor);
		}
		if (contributor instanceof CompositeHealthContributor composite) {
			return new BoundedCompositeHealthContributor(composite, this.executor);
		}
		return contributor;
	}

	private record Bound(HealthContributor original, HealthContributor wrapped) {
	}

}
