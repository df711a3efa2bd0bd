package dev.hardenedboot.sample.tour;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words as a POSIX shell does for the small part of its syntax
 * the walkthrough uses: single and double quotes, backslash escapes, and {@code |} between
 * commands.
 */
final class ShellWords {

	static final String PIPE = "|";

	private ShellWords() {
	}

	static List<String> split(String commandLine) {
		List<String> words = new ArrayList<>();
		StringBuilder word = null;
		for (int i = 0; i < commandLine.length(); i++) {
			char c = commandLine.charAt(i);
			if (c == '\'') {
				int end = commandLine.indexOf('\'', i + 1);
				if (end < 0) {
					throw new IllegalArgumentException("Unclosed ' in: " + commandLine);
				}
				word = append(word, commandLine.substring(i + 1, end));
				i = end;
			}
			else if (c == '"') {
				StringBuilder quoted = new StringBuilder();
				int j = i + 1;
				for (; j < commandLine.length() && commandLine.charAt(j) != '"'; j++) {
					char q = commandLine.charAt(j);
					if (q == '\\' && j + 1 < commandLine.length() && "\"\\$`".indexOf(commandLine.charAt(j + 1)) >= 0) {
						q = commandLine.charAt(++j);
					}
					quoted.append(q);
				}
				if (j == commandLine.length()) {
					throw new IllegalArgumentException("Unclosed \" in: " + commandLine);
				}
				word = append(word, quoted.toString());
				i = j;
			}
			else if (c == '\\' && i + 1 < commandLine.length()) {
				word = append(word, String.valueOf(commandLine.charAt(++i)));
			}
			else if (c == '|') {
				add(words, word);
				word = null;
				words.add(PIPE);
			}
			else if (Character.isWhitespace(c)) {
				add(words, word);
				word = null;
			}
			else {
				word = append(word, String.valueOf(c));
			}
		}
		add(words, word);
		return words;
	}

	private static StringBuilder append(StringBuilder word, String text) {
		return ((word != null) ? word : new StringBuilder()).append(text);
	}

	private static void add(List<String> words, StringBuilder word) {
		if (word != null) {
			words.add(word.toString());
		}
	}

}
