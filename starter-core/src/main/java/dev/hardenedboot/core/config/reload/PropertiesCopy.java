package dev.hardenedboot.core.config.reload;

import java.beans.PropertyDescriptor;
import java.util.Collection;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;

/**
 * Copies the bound properties of a freshly bound {@code @ConfigurationProperties} instance
 * into the running one, the way Boot's JavaBean binding reaches them: through setters, and,
 * for properties with only a getter, into the nested object, list or map the getter returns.
 * Only the top-level properties a change touched are copied: the others may hold values the
 * application set in code (a pool size derived at start-up), which the fresh instance lacks.
 */
final class PropertiesCopy {

	private PropertiesCopy() {
	}

	/**
	 * Copies the properties of {@code source} that {@code touched} accepts (by their dashed
	 * name, as in the configuration) into {@code target}.
	 */
	static void copy(Object source, Object target, Predicate<String> touched) {
		copy(source, target, touched, true);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static void copy(Object source, Object target, Predicate<String> touched, boolean topLevel) {
		BeanWrapper from = new BeanWrapperImpl(source);
		BeanWrapper to = new BeanWrapperImpl(target);
		for (PropertyDescriptor property : from.getPropertyDescriptors()) {
			String name = property.getName();
			if (property.getReadMethod() == null || name.equals("class") || !to.isReadableProperty(name)
					|| (topLevel && !touched.test(DataObjectPropertyName.toDashedForm(name)))) {
				continue;
			}
			Object value = from.getPropertyValue(name);
			if (to.isWritableProperty(name)) {
				to.setPropertyValue(name, value);
				continue;
			}
			Object current = to.getPropertyValue(name);
			if (current == null || value == null || current == value) {
				continue;
			}
			if (current instanceof Collection collection && value instanceof Collection<?> values) {
				collection.clear();
				collection.addAll(values);
			}
			else if (current instanceof Map map && value instanceof Map<?, ?> values) {
				map.clear();
				map.putAll(values);
			}
			else if (isNested(current.getClass())) {
				copy(value, current, touched, false);
			}
		}
	}

	/** What Boot binds as a nested bean rather than as a value. */
	private static boolean isNested(Class<?> type) {
		return !BeanUtils.isSimpleValueType(type) && !type.isArray() && !type.getName().startsWith("java.");
	}

}
