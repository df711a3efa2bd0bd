package dev.hardenedboot.core.config;

import java.beans.PropertyDescriptor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;

/**
 * The property names a {@code @ConfigurationProperties} class declares, found from the class
 * itself (JavaBean properties or record components, nested classes followed), for "did you
 * mean" where the application ships no configuration metadata.
 */
final class DeclaredProperties {

	private static final int MAX_DEPTH = 4;

	private DeclaredProperties() {
	}

	static List<String> of(String prefix, Class<?> type) {
		List<String> names = new ArrayList<>();
		collect(prefix, type, names, 0);
		return names;
	}

	private static void collect(String prefix, Class<?> type, List<String> names, int depth) {
		if (type.isRecord()) {
			for (RecordComponent component : type.getRecordComponents()) {
				add(prefix, component.getName(), component.getType(), names, depth);
			}
			return;
		}
		for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
			if (property.getReadMethod() != null && !property.getName().equals("class")) {
				add(prefix, property.getName(), property.getPropertyType(), names, depth);
			}
		}
	}

	private static void add(String prefix, String property, Class<?> type, List<String> names, int depth) {
		String name = prefix + "." + DataObjectPropertyName.toDashedForm(property);
		names.add(name);
		boolean nested = !BeanUtils.isSimpleProperty(type) && !type.getName().startsWith("java.");
		if (nested && depth < MAX_DEPTH) {
			collect(name, type, names, depth + 1);
		}
	}

}
